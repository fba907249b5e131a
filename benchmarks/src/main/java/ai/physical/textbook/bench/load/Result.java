package ai.physical.textbook.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * One measured run, as one line of {@code results.tsv} (the same columns wrk's Lua {@code done()} writes).
 */
public record Result(String scenario, String variant, int concurrency, double seconds, long requests, long errors,
		double p50Ms, double p90Ms, double p99Ms, double maxMs, String tool, Machine machine) {

	/** The columns of {@code results.tsv}: the load tool writes the first twelve, {@code bench/run.sh} the rest. */
	public static final String HEADER = "scenario\tvariant\tconcurrency\tseconds\trequests\terrors\trps\tp50_ms\tp90_ms"
			+ "\tp99_ms\tmax_ms\ttool\tother_cpu_pct\tbusy_cpu_pct\tauth_rss_mib\tapi_rss_mib";

	/**
	 * What the machine did during the run: CPU used by processes outside the benchmark (other work on the machine,
	 * in % of all cores), total busy CPU, and the peak resident memory of each app.
	 */
	public record Machine(double otherCpuPct, double busyCpuPct, double authRssMib, double apiRssMib) {

		static final Machine UNKNOWN = new Machine(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	}

	static Result of(String scenario, String variant, int concurrency, double seconds, long errors,
			Histogram nanos, String tool) {
		return new Result(scenario, variant, concurrency, seconds, nanos.getTotalCount(), errors,
				nanos.getValueAtPercentile(50) / 1e6, nanos.getValueAtPercentile(90) / 1e6,
				nanos.getValueAtPercentile(99) / 1e6, nanos.getMaxValue() / 1e6, tool, Machine.UNKNOWN);
	}

	public double rps() {
		return this.seconds > 0 ? this.requests / this.seconds : 0;
	}

	public String line() {
		return String.format(Locale.ROOT, "%s\t%s\t%d\t%.2f\t%d\t%d\t%.1f\t%.3f\t%.3f\t%.3f\t%.3f\t%s", this.scenario,
				this.variant, this.concurrency, this.seconds, this.requests, this.errors, rps(), this.p50Ms, this.p90Ms,
				this.p99Ms, this.maxMs, this.tool);
	}

	public static Result parse(String line) {
		String[] f = line.split("\t");
		Machine machine = f.length >= 16 ? new Machine(number(f[12]), number(f[13]), number(f[14]), number(f[15]))
				: Machine.UNKNOWN;
		return new Result(f[0], f[1], Integer.parseInt(f[2]), Double.parseDouble(f[3]), Long.parseLong(f[4]),
				Long.parseLong(f[5]), Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]),
				Double.parseDouble(f[10]), f[11], machine);
	}

	private static double number(String value) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/** Writes the load tool's part of the line; {@code bench/run.sh} appends the machine columns. */
	void write(Path file) throws IOException {
		Files.writeString(file, line() + "\n", StandardCharsets.UTF_8);
	}

}

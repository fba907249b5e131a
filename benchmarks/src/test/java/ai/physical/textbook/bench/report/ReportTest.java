package ai.physical.textbook.bench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.physical.textbook.bench.load.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

	@Test
	void whenLineHasMachineColumnsThenTheyAreParsed() {
		Result result = Result.parse("jwks\t-\t16\t30.00\t900000\t0\t30000.0\t0.400\t0.900\t2.000\t15.000\twrk\t3.5\t100.0\t280.2\tnan");

		assertThat(result.rps()).isEqualTo(30000.0);
		assertThat(result.p99Ms()).isEqualTo(2.0);
		assertThat(result.machine().otherCpuPct()).isEqualTo(3.5);
		assertThat(result.machine().apiRssMib()).isNaN();
	}

	@Test
	void whenScenarioMeasuredTwiceThenTheLastMeasurementIsKept() {
		Result first = Result.parse("jwks\t-\t16\t30\t300\t0\t10\t1\t1\t1\t1\twrk");
		Result other = Result.parse("signin\t-\t16\t30\t30\t0\t1\t1\t1\t1\t1\tjava");
		Result again = Result.parse("jwks\t-\t16\t30\t600\t0\t20\t1\t1\t1\t1\twrk");

		assertThat(Report.latest(List.of(first, other, again))).containsExactly(again, other);
	}

	@Test
	void whenReportWrittenThenTableHasEveryRunAndTheMachine(@TempDir Path dir) throws Exception {
		Path results = dir.resolve("results");
		Files.createDirectories(results);
		Files.writeString(results.resolve("results.tsv"), Result.HEADER + "\n"
				+ "client_credentials\tsweep\t64\t30\t45000\t3\t1500\t40\t60\t95.5\t300\twrk\t1.0\t100\t250\t180\n");
		Files.writeString(results.resolve("meta.tsv"), "CPU\t2 x test\n");
		Files.writeString(results.resolve("jmh.csv"), "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\","
				+ "\"Score Error (99.9%)\",\"Unit\"\n\"ai.physical.textbook.bench.jmh.JwtValidationBenchmark.decode\","
				+ "\"thrpt\",1,5,0.021234,0.000500,\"ops/us\"\n");

		Report.run(results, dir.resolve("docs"));

		String md = Files.readString(dir.resolve("docs/results.md"));
		assertThat(md).contains("| CPU | 2 x test |")
			.contains("| client_credentials | sweep | 64 | 1,500 | 40.00 | 60.00 | 95.50 | 300 | 3 | 1.0 | 250.0 | 180.0 | wrk |")
			.contains("| JwtValidationBenchmark.decode | thrpt | 1 | 5 | 0.021 | 0.001 | ops/us |");
		assertThat(dir.resolve("docs/raw/results.tsv")).exists();
	}

	@Test
	void whenAJmhBenchmarkHasParametersThenItsRowNamesThem() {
		String[] row = Report.csv("\"ai.physical.textbook.bench.jmh.TokenSignatureBenchmark.sign\",\"avgt\",1,5,"
				+ "76.5,1.2,\"us/op\",ES256-bouncycastle");
		String[] plain = Report.csv("\"ai.physical.textbook.bench.jmh.JwtValidationBenchmark.decode\",\"avgt\",1,5,"
				+ "54.0,1.0,\"us/op\",");

		assertThat(Report.jmhName(row)).isEqualTo("TokenSignatureBenchmark.sign (ES256-bouncycastle)");
		assertThat(Report.jmhName(plain)).isEqualTo("JwtValidationBenchmark.decode");
	}

	@Test
	void whenCsvCellsAreQuotedThenCommasInsideStay() {
		assertThat(Report.csv("\"a,b\",1,\"c\"")).containsExactly("a,b", "1", "c");
	}

	@Test
	void whenMillisecondsThenPrecisionFollowsMagnitude() throws Exception {
		assertThat(Report.ms(0.4567)).isEqualTo("0.46");
		assertThat(Report.ms(1234.5)).isEqualTo("1235");
		assertThat(Report.ms(Double.NaN)).isEqualTo("–");
		assertThat(Report.meta(Path.of("/nonexistent/meta.tsv"))).isEqualTo(Map.of());
	}

}

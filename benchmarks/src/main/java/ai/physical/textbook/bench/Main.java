package ai.physical.textbook.bench;

import java.nio.file.Path;
import java.util.Arrays;

import ai.physical.textbook.bench.infra.Infrastructure;
import ai.physical.textbook.bench.infra.Monitor;
import ai.physical.textbook.bench.load.HashRate;
import ai.physical.textbook.bench.load.LoadCommand;
import ai.physical.textbook.bench.profile.JfrTop;
import ai.physical.textbook.bench.report.Report;
import ai.physical.textbook.bench.seed.AuthorizationFiller;
import ai.physical.textbook.bench.seed.Seeder;

/**
 * Entry point of the harness; {@code bench/run.sh} calls one sub-command per step.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			usage();
			return;
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		switch (args[0]) {
			case "infra" -> Infrastructure.run(Path.of(rest[0]));
			case "monitor" -> Monitor.run(rest);
			case "seed" -> Seeder.run(rest);
			case "fill-authorizations" -> AuthorizationFiller.run(rest);
			case "load" -> LoadCommand.run(rest);
			case "hashrate" -> HashRate.run(rest);
			case "report" -> Report.run(Path.of(rest[0]), Path.of(rest[1]));
			case "jmh" -> org.openjdk.jmh.Main.main(rest);
			case "jfr-top" -> JfrTop.run(rest);
			default -> usage();
		}
	}

	private static void usage() {
		System.err.println("""
				usage: Main infra <work-dir>
				       Main monitor <window-dir> <max-seconds> <auth-pid> <api-pid> <own-root-pid>...
				       Main seed <jdbc-url> <users> <password> <users-file>
				       Main fill-authorizations <jdbc-url> <rows>
				       Main load <scenario> key=value...
				       Main hashrate <threads> <seconds> <result-file>
				       Main report <results-dir> <docs-dir>
				       Main jmh [JMH options]
				       Main jfr-top <file.jfr> [n] [package-prefix]""");
		System.exit(2);
	}

}

package io.cnosdb.spring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cnosdb.spring.benchmarks.encode.EncodeSuite;
import io.cnosdb.spring.benchmarks.query.ParseSuite;
import io.cnosdb.spring.benchmarks.query.QuerySuite;
import io.cnosdb.spring.benchmarks.real.RealServerSuite;
import io.cnosdb.spring.benchmarks.real.StreamSuite;
import io.cnosdb.spring.benchmarks.transport.TransportSuite;
import io.cnosdb.spring.benchmarks.write.WriteSuite;

/**
 * Runs the benchmark suites B1–B7 (B6 and B7 against a real CnosDB named by
 * {@code CNOSDB_URL}, skipped without one), each printing ours ÷ each peer in one table.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar} runs every suite with the full
 * protocol; {@code --quick} makes short smoke runs; naming suites ({@code b1 b4}) runs
 * only those. {@code --jmh} passes the remaining arguments to JMH itself.
 */
public final class BenchmarkMain {

	/** Every suite, in the order they run. */
	private static final List<Suite> SUITES = List.of(new EncodeSuite(), new WriteSuite(), new TransportSuite(),
			new ParseSuite(), new QuerySuite(), new RealServerSuite(), new StreamSuite());

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		List<String> arguments = List.of(args);
		if (!arguments.isEmpty() && arguments.get(0).equals("--jmh")) {
			org.openjdk.jmh.Main.main(arguments.subList(1, arguments.size()).toArray(String[]::new));
			return;
		}
		boolean quick = arguments.contains("--quick");
		List<Suite> selected = select(arguments);
		for (Suite suite : selected) {
			System.out.printf(Locale.ROOT, "%n=== %s: %s%n", suite.name().toUpperCase(Locale.ROOT),
					suite.description());
			suite.run(quick);
		}
	}

	private static List<Suite> select(List<String> arguments) {
		List<Suite> selected = new ArrayList<>();
		for (String argument : arguments) {
			if (argument.equals("--quick")) {
				continue;
			}
			Suite suite = SUITES.stream()
				.filter((candidate) -> candidate.name().equalsIgnoreCase(argument))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown argument '" + argument
						+ "': name suites among " + SUITES.stream().map(Suite::name).toList()
						+ ", add --quick for a smoke run, or start with --jmh to pass arguments to JMH"));
			selected.add(suite);
		}
		return selected.isEmpty() ? SUITES : selected;
	}

}

package io.cnosdb.spring.benchmarks.query;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.cnosdb.spring.benchmarks.Suite;

/**
 * B5: a whole query over loopback, ours against downloading the same answer and dropping
 * it, and against a do-it-yourself client. A replay server in its own JVM answers with
 * the CSV of N generated rows; every contender's rows (or bytes) are checked against what
 * it sent, and rounds alternate between contenders.
 */
public final class QuerySuite implements Suite {

	@Override
	public String name() {
		return "b5";
	}

	@Override
	public String description() {
		return "end-to-end query over loopback from a replay server (rows/s and client CPU ns/row)";
	}

	@Override
	public void run(boolean quick) throws Exception {
		int rows = quick ? 1_000_000 : 10_000_000;
		int warmups = quick ? 2 : 3;
		int rounds = quick ? 3 : 7;
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process server = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				ReplayServer.class.getName(), Integer.toString(rows))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try {
			String ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
				.readLine();
			if (ready == null) {
				throw new IllegalStateException("The replay server did not start");
			}
			Map<String, String> facts = new LinkedHashMap<>();
			for (String fact : ready.split(" ")) {
				facts.put(fact.substring(0, fact.indexOf('=')), fact.substring(fact.indexOf('=') + 1));
			}
			long bytes = Long.parseLong(facts.get("bytes"));
			try (DownloadContenders contenders = new DownloadContenders(Integer.parseInt(facts.get("port")))) {
				measure(contenders, rows, bytes, warmups, rounds);
			}
		}
		finally {
			server.destroy();
			server.waitFor();
		}
	}

	private static void measure(DownloadContenders contenders, long rows, long bytes, int warmups, int rounds)
			throws Exception {
		Map<String, Contender> all = new LinkedHashMap<>();
		all.put("ours", new Contender(contenders::ours, rows));
		all.put("rawDownload", new Contender(contenders::rawDownload, bytes));
		all.put("diyJdkFastCsv", new Contender(contenders::diyJdkFastCsv, rows));
		Map<String, double[][]> samples = new LinkedHashMap<>();
		all.keySet().forEach((name) -> samples.put(name, new double[2][rounds]));
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		for (int round = -warmups; round < rounds; round++) {
			for (Map.Entry<String, Contender> entry : all.entrySet()) {
				long cpu = os.getProcessCpuTime();
				long start = System.nanoTime();
				long counted = entry.getValue().task().run();
				long elapsed = System.nanoTime() - start;
				long cpuUsed = os.getProcessCpuTime() - cpu;
				if (counted != entry.getValue().expected()) {
					throw new IllegalStateException("Correctness gate failed: " + entry.getKey() + " counted " + counted
							+ ", expected " + entry.getValue().expected());
				}
				if (round >= 0) {
					samples.get(entry.getKey())[0][round] = rows * 1e9 / elapsed;
					samples.get(entry.getKey())[1][round] = (double) cpuUsed / rows;
				}
			}
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "B5 query end to end, JDK %s (%s); %d rows, %d MB of CSV, median of %d rounds%n",
				System.getProperty("java.version"), System.getProperty("java.vm.name"), rows, bytes / 1_000_000,
				rounds);
		double oursRate = median(samples.get("ours")[0]);
		System.out.printf(Locale.ROOT, "%-16s %12s %12s %14s %14s%n", "contender", "rows/s", "MB/s", "CPU ns/row",
				"ours ÷ this");
		for (Map.Entry<String, double[][]> entry : samples.entrySet()) {
			double rate = median(entry.getValue()[0]);
			System.out.printf(Locale.ROOT, "%-16s %12.0f %12.1f %14.1f %14.2f%n", entry.getKey(), rate,
					rate * bytes / rows / 1e6, median(entry.getValue()[1]), oursRate / rate);
		}
		System.out.println("(rawDownload reads the same answer and drops it: the target is ours ÷ rawDownload ≥ 0.7)");
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	@FunctionalInterface
	private interface Task {

		long run() throws Exception;

	}

	private record Contender(Task task, long expected) {
	}

}

package io.cnosdb.spring.benchmarks.real;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cnosdb.spring.benchmarks.Measured;

/**
 * CnosDB's Python connector, {@code cnos-connector}, driven through
 * {@code cnos_connector_bench.py} (a resource beside this class) in a {@code python3}
 * process of its own. The script times its own work, so the interpreter's start and the
 * reading of its input are not billed, and reports its own CPU time and peak memory.
 */
final class PythonConnector {

	private static final String SCRIPT = "cnos_connector_bench.py";

	private final RealServer server;

	private final Path script;

	PythonConnector(RealServer server, Path workDirectory) throws IOException {
		this.server = server;
		this.script = workDirectory.resolve(SCRIPT);
		try (InputStream in = PythonConnector.class.getResourceAsStream(SCRIPT)) {
			if (in == null) {
				throw new IOException("The resource " + SCRIPT + " is missing from the benchmarks jar");
			}
			Files.copy(in, this.script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Whether {@code python3} can import the connector; the suites leave it out, and say
	 * so, when it cannot.
	 */
	static boolean available() {
		try {
			Process process = new ProcessBuilder("python3", "-c", "import cnosdb_connector").redirectErrorStream(true)
				.start();
			process.getInputStream().readAllBytes();
			return process.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Runs one mode of the script ({@code write}, {@code format}, {@code query}). */
	Result run(String mode, String database, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of("python3", this.script.toString(), mode, this.server.url(), database));
		command.addAll(List.of(arguments));
		Map<String, Long> values = this.server.runChild(command, "cnos-connector's " + mode);
		return new Result(values.get("wall_ns"), values.get("cpu_ns"), values.get("count"),
				values.get("max_rss_kb") * 1024);
	}

	/**
	 * What one run of the script measured.
	 *
	 * @param wallNanos elapsed time of the timed part
	 * @param cpuNanos the Python process's CPU time over it
	 * @param count lines written or rows read
	 * @param maxResidentBytes the process's peak resident memory
	 */
	record Result(long wallNanos, long cpuNanos, long count, long maxResidentBytes) {

		/** The time and CPU time, as the Java contenders report theirs. */
		Measured measured() {
			return new Measured(this.wallNanos, this.cpuNanos);
		}

	}

}

package io.cnosdb.spring.benchmarks.real;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.Contenders;
import io.cnosdb.spring.benchmarks.Suite;
import io.cnosdb.spring.benchmarks.report.Chart;
import io.cnosdb.spring.benchmarks.report.Estimate;
import io.cnosdb.spring.benchmarks.report.Report;
import io.cnosdb.spring.benchmarks.report.RunInfo;
import io.cnosdb.spring.benchmarks.write.Points;
import io.cnosdb.spring.benchmarks.write.WriteDataset;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;

/**
 * B6: a real CnosDB, written to and read from by ours, by CnosDB's own Python connector
 * and by plain HTTP (the ceiling), with every point counted back. Needs
 * {@code CNOSDB_URL}; skipped, and said so, without it.
 */
public final class RealServerSuite implements Suite {

	@Override
	public String name() {
		return "b6";
	}

	@Override
	public String description() {
		return "a real CnosDB: write 10 M points and query 1 M rows, ours beside cnos-connector and plain HTTP";
	}

	@Override
	public void run(boolean quick) throws Exception {
		Optional<RealServer> found = RealServer.forSuite("B6");
		if (found.isEmpty()) {
			return;
		}
		RealServer server = found.get();
		int points = quick ? 1_000_000 : 10_000_000;
		int queryRows = quick ? 100_000 : 1_000_000;
		int repetitions = quick ? 1 : Estimate.MIN_REPETITIONS;
		RunInfo info = RunInfo.current(quick);
		System.out.printf(Locale.ROOT, "%s, %s; %,d points, %d repetitions%s%n", server, serverVersion(server), points,
				repetitions, quick ? "; SMOKE RUN: not a result" : "");
		WriteDataset data = new WriteDataset(points);
		Path work = Files.createTempDirectory("b6-");
		try {
			List<byte[]> bodies = encode(data);
			List<ServerWrite> writes = new ArrayList<>(List.of(ServerWrites.template(server, data),
					ServerWrites.rows(server, data), ServerWrites.batchWriter(server, data, false),
					ServerWrites.batchWriter(server, data, true), ServerWrites.plainPost(server, bodies)));
			List<ServerRead> reads = new ArrayList<>(
					List.of(ServerReads.ours(server), ServerReads.plainDownload(server)));
			if (PythonConnector.available()) {
				PythonConnector python = new PythonConnector(server, work);
				// Each file (over a GB at 10 M points) is written only if its contender
				// runs.
				writes.add(ServerWrites.connectorLines(python, () -> writeLines(work, bodies)));
				writes.add(ServerWrites.connectorFormatted(python, () -> writeValues(work, data)));
				reads.add(ServerReads.connector(python));
			}
			else {
				System.out.println("cnos-connector LEFT OUT: python3 cannot import cnosdb_connector "
						+ "(pip install cnos-connector==0.1.9)");
			}
			// The ceiling always runs: the ratios need it.
			writes.removeIf((write) -> write.role() != Chart.Role.CEILING && !Contenders.selected(write.name()));
			new ServerWriteRuns(server, data, writes).run(repetitions, info);
			ReadDatabase.ensure(server, data);
			runQueries(reads, queryRows, repetitions, info);
		}
		finally {
			deleteQuietly(work);
		}
	}

	private void runQueries(List<ServerRead> reads, int rows, int repetitions, RunInfo info) throws Exception {
		String sql = ServerReads.select(rows);
		Map<ServerRead, List<ServerRead.Read>> results = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		System.out.printf(Locale.ROOT, "%nB6 query: %s (1 warm-up, then %d repetitions)%n", sql, repetitions);
		for (int repetition = -1; repetition < repetitions; repetition++) {
			for (ServerRead read : reads) {
				ServerRead.Read result = read.read(ReadDatabase.NAME, sql);
				if (result.rows() != rows) {
					failures.add(read.name() + ": " + result.rows() + " rows read, " + rows + " asked for");
				}
				if (repetition >= 0) {
					results.computeIfAbsent(read, (key) -> new ArrayList<>()).add(result);
					System.out.printf(Locale.ROOT, "  %-44s %8.3f M rows/s %8.0f CPU ns/row%n", read.name(),
							rows / (result.measured().wallNanos() / 1e9) / 1e6,
							(double) result.measured().cpuNanos() / rows);
				}
			}
		}
		String group = String.format(Locale.ROOT, "%,d rows", rows);
		Report rate = new Report("b6-query", "B6 query, real CnosDB", "M rows/s", true, info);
		Report cpu = new Report("b6-query-cpu", "B6 query, real CnosDB, client CPU", "ns/row", false, info);
		System.out.printf(Locale.ROOT, "%nB6 query, %s%n%-44s %-24s %-20s %s%n", info.describe(), "contender",
				"M rows/s", "client CPU ns/row", "yields");
		results.forEach((read, runs) -> {
			Estimate rowsPerSecond = Estimate.ofRepetitions(
					runs.stream().mapToDouble((run) -> rows / (run.measured().wallNanos() / 1e9) / 1e6).toArray());
			Estimate cpuPerRow = Estimate
				.ofRepetitions(runs.stream().mapToDouble((run) -> (double) run.measured().cpuNanos() / rows).toArray())
				.widen((double) Measured.TICK_NANOS / rows);
			rate.bar(group, read.name(), read.role(), rowsPerSecond);
			cpu.bar(group, read.name(), read.role(), cpuPerRow);
			System.out.printf(Locale.ROOT, "%-44s %-24s %-20s %s%n", read.name(), rowsPerSecond, cpuPerRow,
					read.yields());
		});
		System.out.println("rows/s, ours ÷ this; client CPU per row, this ÷ ours (above 1: ours is faster or leaner)");
		for (ServerRead mine : results.keySet().stream().filter((read) -> read.role() == Chart.Role.OURS).toList()) {
			for (ServerRead other : results.keySet()
				.stream()
				.filter((read) -> read.role() != Chart.Role.OURS)
				.toList()) {
				String kind = (other.role() == Chart.Role.CEILING) ? "share of the ceiling"
						: "like for like, rows to objects";
				rate.ratio(group, kind, mine.name(), other.name());
				cpu.ratio(group, "CPU, this ÷ ours", other.name(), mine.name());
			}
		}
		rate.write();
		cpu.write();
		if (!failures.isEmpty()) {
			throw new IllegalStateException("B6 query read other row counts:\n  " + String.join("\n  ", failures));
		}
	}

	/** The dataset as the ceiling sends it: lines encoded by ours, 5,000 per body. */
	private static List<byte[]> encode(WriteDataset data) {
		LineProtocolEncoder encoder = new LineProtocolEncoder();
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		List<byte[]> bodies = new ArrayList<>();
		for (int start = 0; start < data.size(); start += ServerWrites.LINES_PER_REQUEST) {
			buffer.reset();
			for (int i = start; i < Math.min(data.size(), start + ServerWrites.LINES_PER_REQUEST); i++) {
				encoder.encode(Points.ours(data, i), buffer);
			}
			bodies.add(buffer.toByteArray());
		}
		return bodies;
	}

	/**
	 * The ceiling's very bytes, one line per point, for the connector's pre-formatted
	 * run.
	 */
	private static Path writeLines(Path work, List<byte[]> bodies) throws IOException {
		Path file = work.resolve("lines.txt");
		try (OutputStream out = Files.newOutputStream(file)) {
			for (byte[] body : bodies) {
				out.write(body);
			}
		}
		return file;
	}

	/**
	 * The raw values, {@code host,region,usage_user,usage_system,count,timestamp} per
	 * line.
	 */
	private static Path writeValues(Path work, WriteDataset data) throws IOException {
		Path file = work.resolve("values.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < data.size(); i++) {
				out.write(data.host(i) + "," + data.region(i) + "," + data.usageUser[i] + "," + data.usageSystem[i]
						+ "," + data.counts[i] + "," + data.timestamp(i) + "\n");
			}
		}
		return file;
	}

	/** What the server's ping says of itself: its version and revision. */
	private static String serverVersion(RealServer server) throws IOException, InterruptedException {
		HttpResponse<String> ping = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ping")).build(),
					HttpResponse.BodyHandlers.ofString());
		return "ping " + ping.body();
	}

	/** Deletes the work directory and the files in it. */
	static void deleteQuietly(Path work) throws IOException {
		try (var files = Files.list(work)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
		}
		Files.deleteIfExists(work);
	}

}

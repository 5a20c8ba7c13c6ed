package io.cnosdb.spring.benchmarks.real;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.report.Chart;
import io.cnosdb.spring.benchmarks.sink.RawHttpPoster;
import io.cnosdb.spring.benchmarks.write.Points;
import io.cnosdb.spring.benchmarks.write.WriteDataset;
import io.cnosdb.spring.core.CnosRowWriter;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.write.Point;

/**
 * B6's write contenders. Every one sends lines of {@value #LINES_PER_REQUEST} points per
 * request, so that the server sees the same requests from each.
 */
final class ServerWrites {

	/** Points per request, for every contender (ours' batch writer's default). */
	static final int LINES_PER_REQUEST = 5000;

	private static final String RAW_VALUES = "raw values";

	private ServerWrites() {
	}

	/** Ours: {@code template.write(points)} per 5,000 {@code Point}s. */
	static ServerWrite template(RealServer server, WriteDataset data) {
		return new Contender("ours template.write(5000)", Chart.Role.OURS, "1: the caller's", RAW_VALUES,
				(database) -> {
					try (CnosTemplate template = server.template(database)) {
						return Measured.of(() -> {
							for (int start = 0; start < data.size(); start += LINES_PER_REQUEST) {
								int end = Math.min(data.size(), start + LINES_PER_REQUEST);
								List<Point> points = new ArrayList<>(end - start);
								for (int i = start; i < end; i++) {
									points.add(Points.ours(data, i));
								}
								template.write(points);
							}
						});
					}
				});
	}

	/** Ours without {@code Point}s: {@code template.rows()}, flushed every 5,000 rows. */
	static ServerWrite rows(RealServer server, WriteDataset data) {
		return new Contender("ours template.rows(5000)", Chart.Role.OURS, "1: the caller's", RAW_VALUES, (database) -> {
			try (CnosTemplate template = server.template(database)) {
				return Measured.of(() -> {
					try (CnosRowWriter rows = template.rows()) {
						for (int i = 0; i < data.size(); i++) {
							Points.oursRow(rows.row(WriteDataset.MEASUREMENT), data, i);
							if ((i + 1) % LINES_PER_REQUEST == 0) {
								rows.flush();
							}
						}
					}
				});
			}
		});
	}

	/**
	 * Ours in the background: a {@link CnosBatchWriter} at its defaults (batches of
	 * 5,000), fed point by point, closed (which waits for every acknowledgement) inside
	 * the clock.
	 */
	static ServerWrite batchWriter(RealServer server, WriteDataset data, boolean rows) {
		AtomicLong failed = new AtomicLong();
		return new Contender(rows ? "ours CnosBatchWriter.row defaults" : "ours CnosBatchWriter defaults",
				Chart.Role.OURS, "caller + the writer's sender", RAW_VALUES, (database) -> {
					try (CnosTemplate template = server.template(database)) {
						Measured measured = Measured.of(() -> {
							try (CnosBatchWriter writer = CnosBatchWriter.builder(template)
								.failureHandler((failure) -> failed.addAndGet(failure.lines().size()))
								.build()) {
								for (int i = 0; i < data.size(); i++) {
									if (rows) {
										Points.oursRow(writer.row(WriteDataset.MEASUREMENT), data, i);
									}
									else {
										writer.write(Points.ours(data, i));
									}
								}
							}
						});
						if (failed.get() > 0) {
							throw new IllegalStateException("The batch writer failed to write " + failed + " points");
						}
						return measured;
					}
				});
	}

	/**
	 * The ceiling: the same lines, encoded before the clock starts in bodies of 5,000,
	 * POSTed over one bare socket with {@code Content-Length}, {@code TCP_NODELAY} and
	 * the credentials. What the server takes with nothing in the way.
	 */
	static ServerWrite plainPost(RealServer server, List<byte[]> bodies) {
		return new Contender("plain HTTP POST, pre-encoded", Chart.Role.CEILING, "1: the caller's",
				"lines encoded before the clock", (database) -> {
					try (RawHttpPoster poster = new RawHttpPoster(server.port(),
							"/api/v1/write?db=" + database + "&precision=ns", server.authorizationHeader())) {
						return Measured.of(() -> {
							for (byte[] body : bodies) {
								poster.post(body, 0, body.length);
							}
						});
					}
				});
	}

	/**
	 * cnos-connector's {@code write_lines}, given the very lines the ceiling sends (its
	 * API takes formatted lines), 5,000 per call.
	 */
	static ServerWrite connectorLines(PythonConnector python, InputFile.Writer lines) {
		InputFile linesFile = new InputFile(lines);
		return new Contender("cnos-connector write_lines, pre-formatted", Chart.Role.PEER, "1: Python's",
				"lines formatted before the clock",
				(database) -> python
					.run("write", database, linesFile.path().toString(), Integer.toString(LINES_PER_REQUEST))
					.measured());
	}

	/**
	 * cnos-connector's {@code write_lines} with each line formatted from the raw values
	 * by an f-string, as its users must: the like-for-like pair to ours.
	 */
	static ServerWrite connectorFormatted(PythonConnector python, InputFile.Writer values) {
		InputFile valuesFile = new InputFile(values);
		return new Contender("cnos-connector write_lines, f-string lines", Chart.Role.PEER, "1: Python's", RAW_VALUES,
				(database) -> python
					.run("format", database, valuesFile.path().toString(), Integer.toString(LINES_PER_REQUEST))
					.measured());
	}

	/**
	 * A file the connector reads its input from, written on first use and kept for the
	 * later runs.
	 */
	private static final class InputFile {

		private final Writer writer;

		private Path path;

		InputFile(Writer writer) {
			this.writer = writer;
		}

		Path path() throws IOException {
			if (this.path == null) {
				this.path = this.writer.write();
			}
			return this.path;
		}

		/** Writes the file and returns where. */
		@FunctionalInterface
		interface Writer {

			Path write() throws IOException;

		}

	}

	private record Contender(String name, Chart.Role role, String threads, String startsFrom,
			Writing writing) implements ServerWrite {

		@Override
		public Measured write(String database) throws Exception {
			return this.writing.write(database);
		}

	}

	@FunctionalInterface
	private interface Writing {

		Measured write(String database) throws Exception;

	}

}

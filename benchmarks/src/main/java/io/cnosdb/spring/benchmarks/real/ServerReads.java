package io.cnosdb.spring.benchmarks.real;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.query.Cpu;
import io.cnosdb.spring.benchmarks.report.Chart;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.RowMapper;

/** B6's query contenders, each reading {@code time, host, region} and three fields. */
final class ServerReads {

	/** The columns every contender asks for, as B4 and B5 read them. */
	static final String COLUMNS = "time, host, region, usage_user, usage_system, count";

	static final RowMapper<Cpu> CPU = (row, rowNumber) -> new Cpu(row.getInstant("time"), row.getString("host"),
			row.getString("region"), row.getDouble("usage_user"), row.getDouble("usage_system"), row.getLong("count"));

	private ServerReads() {
	}

	/** The statement that reads the first {@code rows} rows of B6's table. */
	static String select(long rows) {
		return "SELECT " + COLUMNS + " FROM cpu LIMIT " + rows;
	}

	/** Ours: {@code queryForStream} into the user's records, mapped by column name. */
	static ServerRead ours(RealServer server) {
		return new Contender("ours queryForStream", Chart.Role.OURS, "records", (database, sql) -> {
			try (CnosTemplate template = server.template(database)) {
				long[] rows = new long[2];
				Measured measured = Measured.of(() -> {
					// The checksum reads every field, so that no mapping is left out as
					// unused.
					try (Stream<Cpu> stream = template.queryForStream(sql, CPU)) {
						stream.forEach((cpu) -> {
							rows[1] += Cpu.checksum(cpu);
							rows[0]++;
						});
					}
				});
				return new ServerRead.Read(measured, rows[0]);
			}
		});
	}

	/**
	 * The ceiling: the statement POSTed as ours posts it (streamed, uncompressed), the
	 * answer read into a buffer, its lines counted and nothing parsed.
	 */
	static ServerRead plainDownload(RealServer server) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		return new Contender("plain HTTP download, unparsed", Chart.Role.CEILING, "bytes", (database, sql) -> {
			long[] lines = new long[1];
			Measured measured = Measured.of(() -> lines[0] = download(client, server, database, sql, true));
			// The first line is the CSV header.
			return new ServerRead.Read(measured, lines[0] - 1);
		});
	}

	/** cnos-connector's {@code execute}, which returns every row as a dict. */
	static ServerRead connector(PythonConnector python) {
		return new Contender("cnos-connector execute", Chart.Role.PEER, "dicts", (database, sql) -> {
			PythonConnector.Result result = python.run("query", database, sql);
			return new ServerRead.Read(result.measured(), result.count());
		});
	}

	/**
	 * POSTs the statement and counts the answer's lines.
	 * @param chunked whether to ask for a streamed answer ({@code chunked=true})
	 */
	static long download(HttpClient client, RealServer server, String database, String sql, boolean chunked)
			throws Exception {
		return download(client, server, database, sql, chunked, () -> {
		}, () -> {
		});
	}

	/**
	 * POSTs the statement and counts the answer's lines, telling when the first row (the
	 * line after the header) has arrived and when the last byte has, before the answer is
	 * closed.
	 */
	static long download(HttpClient client, RealServer server, String database, String sql, boolean chunked,
			Runnable atFirstRow, Runnable atLastByte) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(sqlUri(server, database, chunked))
			.header("Authorization", server.basicCredentials())
			.header("Accept", "application/csv")
			.POST(HttpRequest.BodyPublishers.ofString(sql))
			.build();
		HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The server answered " + response.statusCode() + ": "
						+ new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			byte[] buffer = new byte[64 * 1024];
			long lines = 0;
			int read;
			while ((read = body.read(buffer)) >= 0) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n' && ++lines == 2) {
						atFirstRow.run();
					}
				}
			}
			atLastByte.run();
			return lines;
		}
	}

	static URI sqlUri(RealServer server, String database, boolean chunked) {
		return URI.create(server.url() + "/api/v1/sql?db=" + URLEncoder.encode(database, StandardCharsets.UTF_8)
				+ (chunked ? "&chunked=true" : ""));
	}

	private record Contender(String name, Chart.Role role, String yields, Reading reading) implements ServerRead {

		@Override
		public Read read(String database, String sql) throws Exception {
			return this.reading.read(database, sql);
		}

	}

	@FunctionalInterface
	private interface Reading {

		ServerRead.Read read(String database, String sql) throws Exception;

	}

}

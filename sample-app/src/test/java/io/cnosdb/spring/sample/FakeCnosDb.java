package io.cnosdb.spring.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback server that answers as CnosDB 2.4 does: CSV results, empty 200 answers with
 * {@code content-length: 0} for DDL and writes, JSON errors with HTTP 422. It keeps every SQL
 * statement and write it receives; a test scripts a different answer for the next matching
 * statement or write.
 */
final class FakeCnosDb extends Dispatcher implements AutoCloseable {

	static final String DATABASES = "database_name\ncluster_schema\noceanic_station\npublic\nusage_schema\n";

	/** {@code DESCRIBE TABLE "air"}: rows in column-name order, as the server sends them. */
	static final String DESCRIBE_AIR = "column_name,data_type,column_type,compression_codec\n"
			+ "pressure,DOUBLE,FIELD,DEFAULT\n" + "station,STRING,TAG,DEFAULT\n" + "temperature,DOUBLE,FIELD,DEFAULT\n"
			+ "time,TIMESTAMP(NANOSECOND),TIME,DEFAULT\n" + "visibility,DOUBLE,FIELD,DEFAULT\n";

	private final MockWebServer server = new MockWebServer();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Queue<Rule> rules = new ConcurrentLinkedQueue<>();

	private final Map<String, Supplier<MockResponse>> standing = new ConcurrentHashMap<>();

	FakeCnosDb() {
		this.server.setDispatcher(this);
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return this.server.url("/").toString();
	}

	/** Answer the next statement that starts with {@code prefix} with {@code response}. */
	FakeCnosDb onSql(String prefix, MockResponse response) {
		this.rules.add(new Rule(false, (sql) -> sql.startsWith(prefix), response));
		return this;
	}

	/** Answer every statement that starts with {@code prefix} (and no one-off answer matches) with a fresh response. */
	FakeCnosDb alwaysOnSql(String prefix, Supplier<MockResponse> response) {
		this.standing.put(prefix, response);
		return this;
	}

	/** Answer the next write with {@code response}. */
	FakeCnosDb onWrite(MockResponse response) {
		this.rules.add(new Rule(true, (body) -> true, response));
		return this;
	}

	/** How many requests have been received; pass it to {@link #statementsSince} and {@link #writesSince}. */
	int mark() {
		return this.calls.size();
	}

	List<Call> callsSince(int mark) {
		return List.copyOf(this.calls.subList(mark, this.calls.size()));
	}

	List<String> statementsSince(int mark) {
		return callsSince(mark).stream().filter((call) -> !call.write()).map(Call::body).toList();
	}

	List<Call> writesSince(int mark) {
		return callsSince(mark).stream().filter(Call::write).toList();
	}

	void clearRules() {
		this.rules.clear();
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		if (path.equals("/api/v1/ping")) {
			return new MockResponse.Builder().code(200)
				.addHeader("content-type", "application/json")
				.body("{\"version\":\"2.4.3, revision: c760943, build_time: 2025-09-26\",\"status\":\"healthy\"}")
				.build();
		}
		boolean write = path.equals("/api/v1/write");
		String body = (request.getBody() != null) ? request.getBody().utf8() : "";
		this.calls.add(new Call(write, body, request.getUrl().queryParameter("db"),
				request.getUrl().queryParameter("precision")));
		for (Iterator<Rule> iterator = this.rules.iterator(); iterator.hasNext();) {
			Rule rule = iterator.next();
			if (rule.write() == write && rule.matches().test(body)) {
				iterator.remove();
				return rule.response();
			}
		}
		if (write) {
			return empty();
		}
		for (Map.Entry<String, Supplier<MockResponse>> entry : this.standing.entrySet()) {
			if (body.startsWith(entry.getKey())) {
				return entry.getValue().get();
			}
		}
		if (body.equals("SHOW DATABASES")) {
			return csv(DATABASES);
		}
		if (body.startsWith("CREATE ")) {
			return empty();
		}
		if (body.equals("DESCRIBE TABLE \"air\"")) {
			return csv(DESCRIBE_AIR);
		}
		if (body.startsWith("SELECT DISTINCT station")) {
			return csv("station\n");
		}
		if (body.startsWith("SELECT date_bin")) {
			return csv("bucket,min_value,avg_value,max_value,samples\n");
		}
		return csv("time,station,visibility,temperature,pressure\n");
	}

	@Override
	public void close() {
		this.server.close();
	}

	static MockResponse csv(String body) {
		return new MockResponse.Builder().code(200).addHeader("content-type", "text/csv").body(body).build();
	}

	/** The answer to DDL and writes: 200, no content type, {@code content-length: 0}. */
	static MockResponse empty() {
		return new MockResponse.Builder().code(200).body("").build();
	}

	static MockResponse error(String code, String message) {
		return new MockResponse.Builder().code(422)
			.addHeader("content-type", "application/json")
			.body("{\"error_code\":\"" + code + "\",\"error_message\":\"" + message.replace("\"", "\\\"") + "\"}")
			.build();
	}

	/** What CnosDB answers to a request it could not handle at all: 500 with an empty body. */
	static MockResponse internalError() {
		return new MockResponse.Builder().code(500).body("").build();
	}

	/**
	 * A request received.
	 *
	 * @param write whether it went to {@code /api/v1/write} rather than {@code /api/v1/sql}
	 * @param body the statement or the line protocol
	 * @param database the {@code db} parameter
	 * @param precision the {@code precision} parameter of a write
	 */
	record Call(boolean write, String body, String database, String precision) {
	}

	private record Rule(boolean write, Predicate<String> matches, MockResponse response) {
	}

}

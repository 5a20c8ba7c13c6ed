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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.cnosdb.spring.testsupport.RecordedAnswers;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;

/**
 * A loopback server that answers with answers recorded from CnosDB (see
 * {@link RecordedAnswers}): the sample's schema statements, empty results of its queries
 * and acknowledged writes. It keeps every SQL statement and write it receives; a test
 * scripts a different answer for the next matching statement or write.
 */
final class FakeCnosDb extends Dispatcher implements AutoCloseable, AfterAllCallback {

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

	/**
	 * Answer the next statement that starts with {@code prefix} with {@code response}.
	 */
	FakeCnosDb onSql(String prefix, MockResponse response) {
		this.rules.add(new Rule(false, (sql) -> sql.startsWith(prefix), response));
		return this;
	}

	/**
	 * Answer every statement that starts with {@code prefix} (and no one-off answer
	 * matches) with a fresh response.
	 */
	FakeCnosDb alwaysOnSql(String prefix, Supplier<MockResponse> response) {
		this.standing.put(prefix, response);
		return this;
	}

	/** Answer the next write with {@code response}. */
	FakeCnosDb onWrite(MockResponse response) {
		this.rules.add(new Rule(true, (body) -> true, response));
		return this;
	}

	/**
	 * How many requests have been received; pass it to {@link #statementsSince} and
	 * {@link #writesSince}.
	 */
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
			return recorded("ping");
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
			return recorded("write");
		}
		for (Map.Entry<String, Supplier<MockResponse>> entry : this.standing.entrySet()) {
			if (body.startsWith(entry.getKey())) {
				return entry.getValue().get();
			}
		}
		if (body.equals("SHOW DATABASES")) {
			return recorded("show-databases");
		}
		if (body.startsWith("CREATE DATABASE ")) {
			return recorded("sample-create-database");
		}
		if (body.startsWith("CREATE TABLE ")) {
			return recorded("sample-create-table");
		}
		if (body.equals("DESCRIBE TABLE \"air\"")) {
			return recorded("sample-describe-air");
		}
		if (body.startsWith("SELECT DISTINCT station")) {
			return recorded("sample-stations-empty");
		}
		if (body.startsWith("SELECT date_bin")) {
			return recorded("sample-summary-empty");
		}
		return recorded("sample-readings-empty");
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * A request received.
	 *
	 * @param write whether it went to {@code /api/v1/write} rather than
	 * {@code /api/v1/sql}
	 * @param body the statement or the line protocol
	 * @param database the {@code db} parameter
	 * @param precision the {@code precision} parameter of a write
	 */
	record Call(boolean write, String body, String database, String precision) {
	}

	private record Rule(boolean write, Predicate<String> matches, MockResponse response) {
	}

}

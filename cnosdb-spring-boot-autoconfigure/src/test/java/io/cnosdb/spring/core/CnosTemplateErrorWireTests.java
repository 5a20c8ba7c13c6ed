package io.cnosdb.spring.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.core.exception.CnosInvalidRequestException;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.exception.CnosPermissionDeniedException;
import io.cnosdb.spring.core.exception.CnosResourceFailureException;
import io.cnosdb.spring.core.exception.CnosServerFailure;
import io.cnosdb.spring.core.exception.CnosTransientException;
import io.cnosdb.spring.core.exception.CnosUncategorizedException;
import io.cnosdb.spring.testsupport.MockCnosDb;
import io.cnosdb.spring.testsupport.MockCnosDb.Transport;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Error answers recorded from CnosDB and transport failures become the right
 * {@link DataAccessException} with the server's code, status and message.
 */
class CnosTemplateErrorWireTests {

	/**
	 * The answer of {@code table-not-found}: a planner error, 010001, that says the table
	 * is missing.
	 */
	static final String TABLE_NOT_FOUND_AIR = "Datafusion: Error during planning: Table not found, tenant: cnosdb "
			+ "db: fixture_db, table: air";

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	@Test
	void tableNotFoundGoldenExample() {
		this.db.enqueue(recorded("table-not-found"));
		CnosObjectNotFoundException ex = failure(
				() -> this.template.withDatabase("fixture_db").queryForList("SELECT * FROM air"),
				CnosObjectNotFoundException.class);
		assertServerFailure(ex, 422, "010001", TABLE_NOT_FOUND_AIR);
		assertThat(ex.getMessage()).contains("SELECT * FROM air", "fixture_db", "cnosdb", TABLE_NOT_FOUND_AIR,
				"010001");
	}

	@Test
	void tenantTableNotFoundGoldenExample() {
		this.db.enqueue(recorded("tenant-table-not-found"));
		CnosTemplate tenant = this.template.withTenant("fixture_tenant").withDatabase("fixture_db");
		CnosObjectNotFoundException ex = failure(() -> tenant.queryForList("select * from fixture_db.air_a;"),
				CnosObjectNotFoundException.class);
		assertServerFailure(ex, 422, "010001",
				"Datafusion: Error during planning: Table not found, tenant: fixture_tenant db: fixture_db, table: air_a");
		assertThat(this.db.takeRequest().getUrl().queryParameter("tenant")).isEqualTo("fixture_tenant");
	}

	@Test
	void databaseNotFoundOnWriteGoldenExample() {
		this.db.enqueue(recorded("database-not-found-on-write"));
		CnosObjectNotFoundException ex = failure(
				() -> this.template.withDatabase("fixture_db").writeLines(List.of("m f=1")),
				CnosObjectNotFoundException.class);
		assertServerFailure(ex, 422, "030017", "Database not found: \"fixture_db\"");
	}

	@Test
	void sqlParserErrorGoldenExample() {
		this.db.enqueue(recorded("sql-parser-error"));
		CnosBadSqlException ex = failure(() -> this.template.execute("1;"), CnosBadSqlException.class);
		assertServerFailure(ex, 422, "010009", "sql parser error: Expected an SQL statement, found: 1");
	}

	@Test
	void authenticationFailureIsPermissionDenied() {
		String message = "Auth error: The user fixture_nobody not found";
		this.db.enqueue(recorded("unknown-user"));
		CnosTemplate nobody = this.db.builder().credentials("fixture_nobody", "wrong-password").build();
		CnosPermissionDeniedException ex = failure(() -> nobody.execute("select 1"),
				CnosPermissionDeniedException.class);
		assertServerFailure(ex, 422, "010016", message);
	}

	@Test
	void badAcceptIsInvalidRequest() {
		String message = "Invalid header: Invalid header: accept type not support: xx";
		this.db.enqueue(recorded("bad-accept"));
		CnosInvalidRequestException ex = failure(() -> this.template.execute("select 1"),
				CnosInvalidRequestException.class);
		assertServerFailure(ex, 400, "040005", message);
	}

	@Test
	void missingAuthorizationGoldenExample() {
		this.db.enqueue(recorded("missing-authorization"));
		CnosInvalidRequestException ex = failure(() -> this.template.execute("select 1"),
				CnosInvalidRequestException.class);
		assertServerFailure(ex, 400, "000000", "Missing request header \"authorization\"");
	}

	@Test
	void notFoundWithEmptyBodyIsResourceFailure() {
		this.db.enqueue(recorded("not-found"));
		CnosResourceFailureException ex = failure(() -> this.template.execute("select 1"),
				CnosResourceFailureException.class);
		assertServerFailure(ex, 404, null, "");
		assertThat(ex.getMessage()).contains("HTTP 404", "(no error body)");
	}

	@Test
	void methodNotAllowedWithEmptyBodyIsInvalidRequest() {
		this.db.enqueue(recorded("method-not-allowed"));
		CnosInvalidRequestException ex = failure(() -> this.template.execute("select 1"),
				CnosInvalidRequestException.class);
		assertServerFailure(ex, 405, null, "");
	}

	@Test
	void payloadTooLargeWithEmptyBodyIsInvalidRequest() {
		this.db.enqueue(recorded("payload-too-large"));
		CnosInvalidRequestException ex = failure(() -> this.template.writeLines(List.of("m f=1")),
				CnosInvalidRequestException.class);
		assertServerFailure(ex, 413, null, "");
	}

	@Test
	void internalErrorWithEmptyBodyIsUncategorized() {
		this.db.enqueue(recorded("internal-server-error"));
		CnosUncategorizedException ex = failure(() -> this.template.execute("select 1"),
				CnosUncategorizedException.class);
		assertServerFailure(ex, 500, null, "");
	}

	@Test
	void unknownCodeOn422IsUncategorizedWithItsCode() {
		this.db.enqueue(recorded("create-existing-tenant"));
		CnosUncategorizedException ex = failure(() -> this.template.execute("CREATE TENANT \"fixture_tenant\""),
				CnosUncategorizedException.class);
		assertServerFailure(ex, 422, "030009", "The tenant fixture_tenant already exists");
	}

	@Test
	void proxyErrorPageIsReportedAsText() {
		this.db.enqueue(handWritten("proxy-unavailable"));
		CnosTransientException ex = failure(() -> this.template.execute("select 1"), CnosTransientException.class);
		assertServerFailure(ex, 503, null, "<html>upstream unavailable</html>");
	}

	@Test
	void successAfterErrorStillWorks() {
		this.db.enqueue(recorded("table-not-found"), recorded("select-1"));
		failure(() -> this.template.execute("select * from air"), CnosObjectNotFoundException.class);
		assertThat(this.template.queryForObject("select 1", Integer.class)).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void connectionRefusedIsResourceFailureNamingTheUrl(Transport transport) throws IOException {
		String url = "http://127.0.0.1:" + closedPort();
		CnosTemplate unreachable = transport.configure(this.db, CnosTemplate.builder().url(url)).build();
		DataAccessResourceFailureException ex = failure(() -> unreachable.execute("select 1"),
				DataAccessResourceFailureException.class);
		assertThat(ex).isNotInstanceOf(CnosServerFailure.class);
		assertThat(ex.getMessage()).contains(url, "select 1");
		DataAccessResourceFailureException onWrite = failure(() -> unreachable.writeLines(List.of("m f=1")),
				DataAccessResourceFailureException.class);
		assertThat(onWrite.getMessage()).contains(url);
	}

	@Test
	void answerSlowerThanTheReadTimeoutIsQueryTimeout() {
		this.db.enqueue(recordedBuilder("select-1").headersDelay(3, TimeUnit.SECONDS).build());
		CnosTemplate impatient = this.db.builder().readTimeout(Duration.ofMillis(300)).build();
		QueryTimeoutException ex = failure(() -> impatient.execute("select 1"), QueryTimeoutException.class);
		assertThat(ex.getMessage()).contains(impatient.getUrl(), "select 1");
	}

	@Test
	void resultThatKeepsArrivingIsReadPastTheReadTimeout() {
		// 400 rows "0" to "399": about 1.2 s for the whole body, but never more than 60
		// ms without data.
		this.db.enqueue(recordedBuilder("four-hundred-rows").throttleBody(64, 60, TimeUnit.MILLISECONDS).build());
		CnosTemplate template = this.db.builder().readTimeout(Duration.ofMillis(500)).build();
		assertThat(template.queryForList("select v from t", Long.class)).hasSize(400).endsWith(399L);
	}

	@Test
	void resultThatStallsPastTheReadTimeoutIsQueryTimeout() {
		this.db.enqueue(recordedBuilder("two-rows").bodyDelay(3, TimeUnit.SECONDS).build());
		CnosTemplate template = this.db.builder().readTimeout(Duration.ofMillis(300)).build();
		QueryTimeoutException ex = failure(() -> template.queryForList("select v from t"), QueryTimeoutException.class);
		assertThat(ex.getMessage()).contains(template.getUrl());
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void connectionLostInTheMiddleOfAResultIsResourceFailure(Transport transport) {
		StringBuilder body = new StringBuilder("time,v\n");
		for (int i = 0; i < 50_000; i++) {
			body.append("2024-01-01T00:00:00.000000000,").append(i).append(".5\n");
		}
		this.db.enqueue(handWritten("nanosecond-times", body.toString(),
				"a result of 50 000 rows, larger than the socket buffers, for a connection lost half way")
			.onResponseBody(new SocketEffect.CloseSocket())
			.build());
		CnosTemplate template = this.db.template(transport);
		DataAccessResourceFailureException ex = failure(() -> template.queryForList("select time, v from t"),
				DataAccessResourceFailureException.class);
		assertThat(ex.getMessage()).contains(template.getUrl(), "select time, v from t");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void assertServerFailure(CnosServerFailure ex, int status, String code, String message) {
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getErrorCode()).isEqualTo(code);
		assertThat(ex.getServerMessage()).isEqualTo(message);
	}

	private static <E extends Throwable> E failure(Runnable action, Class<E> type) {
		E ex = catchThrowableOfType(type, action::run);
		assertThat(ex).as("expected %s", type.getSimpleName()).isNotNull();
		return ex;
	}

}

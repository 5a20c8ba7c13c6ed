package io.cnosdb.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;
import io.cnosdb.spring.core.exception.CnosInvalidRequestException;
import io.cnosdb.spring.core.exception.CnosPermissionDeniedException;
import io.cnosdb.spring.core.exception.CnosServerFailure;
import io.cnosdb.spring.testsupport.CnosDbScenarios;
import io.cnosdb.spring.testsupport.MockCnosDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataAccessException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Passwords never reach a message: CnosDB echoes a malformed Authorization header in its
 * 040006 error, and statements that create users carry passwords.
 */
class CnosTemplateCredentialsWireTests {

	/** The password the server echoes in {@code malformed-authorization}. */
	private static final String PASSWORD = CnosDbScenarios.ECHOED_PASSWORD;

	private static final String TOKEN = Base64.getEncoder()
		.encodeToString(("bob:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.builder().credentials("bob", PASSWORD).build();

	@Test
	void echoedAuthorizationHeaderIsRedacted() {
		// Recorded with the credentials sent unencoded ("Basic bob:s3cr3t'pw"), which the
		// server echoes.
		this.db.enqueue(recorded("malformed-authorization"));
		CnosInvalidRequestException ex = catchThrowableOfType(CnosInvalidRequestException.class,
				() -> this.template.execute("select 1"));
		assertThat(this.db.takeRequest().getHeaders().get("Authorization")).isEqualTo("Basic " + TOKEN);
		assertThat(ex.getErrorCode()).isEqualTo("040006");
		assertNoSecret(ex, PASSWORD, TOKEN);
		assertThat(ex.getServerMessage()).startsWith("Parse auth, malformed basic auth encoding: ");
	}

	@Test
	void aShortPasswordDoesNotMaskPartsOfTheServersMessage() {
		// Masking every occurrence of the password "x" turned this message into
		// "The user fi******ture_nobody not found", which also told what the password
		// was.
		this.db.enqueue(recorded("unknown-user"));
		CnosTemplate shortPassword = this.db.builder().credentials("fixture_nobody", "x").build();
		CnosPermissionDeniedException ex = catchThrowableOfType(CnosPermissionDeniedException.class,
				() -> shortPassword.execute("select 1"));
		assertThat(ex.getServerMessage()).isEqualTo("Auth error: The user fixture_nobody not found");
		assertThat(ex.getMessage()).doesNotContain("******");
	}

	@Test
	void aProxyPageEchoingTheAuthorizationHeaderIsRedacted() {
		this.db.enqueue(new mockwebserver3.MockResponse.Builder().code(502)
			.addHeader("content-type", "text/html")
			.body("<html>upstream failed for request with Authorization: Basic " + TOKEN + "</html>")
			.build());
		org.springframework.dao.DataAccessException ex = catchThrowableOfType(
				org.springframework.dao.DataAccessException.class, () -> this.template.execute("select 1"));
		assertNoSecret(ex, PASSWORD, TOKEN);
		assertThat(ex.getMessage()).contains("Authorization: Basic ******");
	}

	@Test
	void failedCreateUserDoesNotShowThePassword() {
		this.db.enqueue(recorded("create-existing-user"));
		CnosDataIntegrityViolationException ex = catchThrowableOfType(CnosDataIntegrityViolationException.class,
				() -> this.template.createUser("alice", "p'w"));
		assertThat(this.db.takeBody()).isEqualTo("CREATE USER \"alice\" WITH PASSWORD = 'p''w'");
		assertNoSecret(ex, "p'w", "p''w");
		assertThat(ex.getErrorCode()).isEqualTo("030007");
		assertThat(ex.getMessage()).contains("CREATE USER \"alice\"", "The user alice already exists");
	}

	@Test
	void failedAlterUserPasswordDoesNotShowThePassword() {
		this.db.enqueue(recorded("alter-user-same-password"));
		DataAccessException ex = catchThrowableOfType(DataAccessException.class,
				() -> this.template.alterUserPassword("alice", "n3w'secret"));
		assertThat(this.db.takeBody()).isEqualTo("ALTER USER \"alice\" SET PASSWORD = 'n3w''secret'");
		assertNoSecret(ex, "n3w'secret", "n3w''secret");
		assertThat(ex.getMessage()).contains("ALTER USER \"alice\" SET PASSWORD = '******'");
	}

	@Test
	void longPasswordIsRedactedWithoutOverflowingTheStack() {
		// The redaction regex recursed per character: 2,000 characters threw
		// StackOverflowError.
		String password = "x".repeat(100_000);
		this.db.enqueue(recorded("create-existing-user"));
		DataAccessException ex = catchThrowableOfType(DataAccessException.class,
				() -> this.template.createUser("alice", password));
		assertThat(this.db.takeBody()).endsWith("PASSWORD = '" + password + "'");
		assertNoSecret(ex, "xxxxxxxxxx");
		assertThat(ex.getMessage()).contains("CREATE USER \"alice\" WITH PASSWORD = '******'");
	}

	@Test
	void longNamedParameterIsRedactedWithoutOverflowingTheStack() {
		String value = "y'".repeat(50_000);
		this.db.enqueue(recorded("users-table-not-found"));
		DataAccessException ex = catchThrowableOfType(DataAccessException.class,
				() -> CnosClient.create(this.template)
					.sql("SELECT name FROM users WHERE hash_password = :p")
					.param("p", value)
					.listOfRows());
		assertThat(this.db.takeBody()).endsWith("hash_password = '" + value.replace("'", "''") + "'");
		assertNoSecret(ex, "y''y''y''y");
		assertThat(ex.getMessage()).contains("WHERE hash_password = '******'");
	}

	@Test
	void unpairedSurrogateInTheCredentialsIsRefusedWithoutRepeatingThem() {
		// Encoded as '?' in the Authorization header.
		assertThatIllegalArgumentException().isThrownBy(() -> this.db.builder().credentials("bob\uD800", "").build())
			.withMessageContaining("The CnosDB user must not contain an unpaired surrogate (one at index 3)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.db.builder().credentials("bob", "S3cr3t\uDC00").build())
			.withMessageContaining("The CnosDB password must not contain an unpaired surrogate (one at index 6)")
			.withMessageNotContaining("S3cr3t");
	}

	@Test
	void toStringHoldsNoPassword() {
		assertThat(this.template.toString()).contains("bob", this.template.getUrl())
			.doesNotContain(PASSWORD, TOKEN, "s3cr3t");
	}

	@Test
	void urlWithUserInformationIsRefusedWithoutRepeatingIt() {
		// Sent as is, it failed every request and put the password in the exception
		// chain.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CnosTemplate.builder().url("http://bob:" + "hunter2" + "@cnosdb.example:8902"))
			.withMessageContaining("credentials(user, password)")
			.withMessageNotContaining("hunter2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://root:S3cr3t/pw@cnosdb.example:8902", "http://root:S3cr3t@host/x@y",
			"http://root:S3cr3t@pw@cnosdb.example", "root:S3cr3t@cnosdb.example:8902" })
	void urlWithUserInformationHoldingSlashOrAtIsRefusedWithoutRepeatingIt(String url) {
		// A URI parser reads "root:S3cr3t" of the first as host and port, so the parsed
		// user
		// information is empty and the password would have reached toString() and
		// messages.
		assertThatIllegalArgumentException().isThrownBy(() -> CnosTemplate.builder().url(url))
			.withMessageContaining("credentials(user, password)")
			.withMessageNotContaining("S3cr3t");
	}

	@Test
	void surroundingWhitespaceOfTheUrlIsDropped() {
		this.db.enqueue(recorded("select-1"));
		CnosTemplate template = CnosTemplate.builder().url(" " + this.db.url() + " \t").build();
		template.execute("select 1");
		assertThat(this.db.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/sql");
		assertThat(template.getUrl()).isEqualTo(this.db.url().replaceAll("/$", ""));
	}

	private static void assertNoSecret(Throwable ex, String... secrets) {
		assertThat(ex).isNotNull();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			assertThat(String.valueOf(t.getMessage())).doesNotContain(secrets);
			if (t instanceof CnosServerFailure failure) {
				assertThat(failure.getServerMessage()).doesNotContain(secrets);
			}
		}
	}

}

package io.cnosdb.spring.core.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.cnosdb.spring.core.support.CnosTimeouts;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;
import io.cnosdb.spring.testsupport.MockCnosDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.DisposableBean;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The HTTP client on its own: who closes what, descriptions made only for messages, and
 * timeouts that cannot overflow.
 */
class CnosHttpClientTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	@Test
	void aStatementThatSucceedsNeverAsksForItsDescription() {
		this.db.enqueue(recorded("create-database"));
		AtomicInteger asked = new AtomicInteger();
		try (CnosHttpClient client = CnosHttpClient.builder().url(this.db.url()).build();
				QueryResult result = client.query("CREATE DATABASE ocean", "public", "cnosdb", counting(asked))) {
			result.finish();
		}
		assertThat(asked).hasValue(0);
	}

	@Test
	void aStatementThatFailsDescribesItselfInTheException() {
		this.db.enqueue(recorded("create-existing-database"));
		AtomicInteger asked = new AtomicInteger();
		try (CnosHttpClient client = CnosHttpClient.builder().url(this.db.url()).build()) {
			assertThatExceptionOfType(CnosDataIntegrityViolationException.class)
				.isThrownBy(() -> client.query("CREATE DATABASE ocean", "public", "cnosdb", counting(asked)))
				.withMessageStartingWith("creating ocean");
		}
		assertThat(asked).hasPositiveValue();
	}

	@Test
	void closingTheClientClosesWhatItWasGivenToOwn() {
		Disposable factory = new Disposable();
		CnosHttpClient client = CnosHttpClient.builder().url(this.db.url()).owning(factory).build();
		assertThat(factory.destroyed).isFalse();
		client.close();
		assertThat(factory.destroyed).isTrue();
	}

	@Test
	void aTemplateBuiltByItsBuilderClosesItsClient() {
		CnosTemplate template = CnosTemplate.builder().url(this.db.url()).build();
		template.close();
		// HttpClient 5's pool refuses work once shut down.
		assertThatIllegalStateException().isThrownBy(() -> template.execute("SELECT 1"));
	}

	@Test
	void aTemplateOverAGivenClientAndTemplatesMadeFromATemplateLeaveTheClientOpen() {
		this.db.enqueue(recorded("create-database"), recorded("create-database"));
		try (CnosHttpClient client = CnosHttpClient.builder().url(this.db.url()).build()) {
			CnosTemplate template = CnosTemplate.builder().httpClient(client).build();
			template.withDatabase("other").close();
			template.execute("CREATE DATABASE ocean");
			template.close();
			new CnosTemplate(client).execute("CREATE DATABASE ocean");
		}
		assertThat(this.db.requestCount()).isEqualTo(2);
	}

	@Test
	void aGivenClientAndSettingsForOneCannotBeMixed() {
		try (CnosHttpClient client = CnosHttpClient.builder().url(this.db.url()).build()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> CnosTemplate.builder().httpClient(client).url(this.db.url()).build())
				.withMessageContaining("not both");
		}
	}

	@Test
	void timeoutsOfCenturiesSaturateInsteadOfOverflowing() {
		assertThat(CnosTimeouts.millis(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
		assertThat(CnosTimeouts.intMillis(Duration.ofDays(30))).isEqualTo(Integer.MAX_VALUE);
		assertThat(CnosTimeouts.intMillis(Duration.ofSeconds(2))).isEqualTo(2000);
		this.db.enqueue(recorded("create-database"));
		try (CnosTemplate template = CnosTemplate.builder()
			.url(this.db.url())
			.connectTimeout(Duration.ofSeconds(Long.MAX_VALUE))
			.readTimeout(Duration.ofDays(365 * 1000))
			.queryTimeout(Duration.ofSeconds(Long.MAX_VALUE))
			.build()) {
			template.execute("CREATE DATABASE ocean");
		}
	}

	private static Supplier<String> counting(AtomicInteger asked) {
		return () -> {
			asked.incrementAndGet();
			return "creating ocean";
		};
	}

	static final class Disposable implements DisposableBean {

		volatile boolean destroyed;

		@Override
		public void destroy() {
			this.destroyed = true;
		}

	}

}

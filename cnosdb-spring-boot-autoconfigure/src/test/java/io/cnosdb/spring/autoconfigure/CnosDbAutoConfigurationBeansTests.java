package io.cnosdb.spring.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.autoconfigure.health.CnosDbHealthIndicator;
import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.exception.CnosExceptionTranslator;
import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * The beans of {@link CnosDbAutoConfiguration}, each replaceable on its own: the
 * exception translator, the HTTP client, the template and the fluent client; and what
 * builds on them (the health indicator, the batch writer) stays when the application
 * brings its own {@link CnosOperations}.
 */
class CnosDbAutoConfigurationBeansTests {

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	private final MockCnosDb server = new MockCnosDb();

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	@Test
	void eachBeanOnceByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DefaultCnosExceptionTranslator.class)
				.hasSingleBean(CnosHttpClient.class)
				.hasSingleBean(CnosTemplate.class)
				.hasSingleBean(CnosClient.class);
			assertThat(context.getBean(CnosTemplate.class).getHttpClient())
				.isSameAs(context.getBean(CnosHttpClient.class));
		});
	}

	@Test
	void theTemplateUsesTheApplicationsHttpClient() {
		this.server.enqueue(recorded("show-tables"));
		this.runner.withPropertyValues("cnosdb.url=http://ignored:1", "cnosdb.database=ocean")
			.withBean("mine", CnosHttpClient.class,
					() -> CnosHttpClient.builder().url(this.server.url()).credentials("svc", "pw").build())
			.run((context) -> {
				assertThat(context).hasSingleBean(CnosHttpClient.class).hasBean("mine");
				CnosTemplate template = context.getBean(CnosTemplate.class);
				assertThat(template.getHttpClient()).isSameAs(context.getBean("mine"));
				assertThat(template.listTables()).containsExactly("air", "sea");
				RecordedRequest request = this.server.takeRequest();
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic c3ZjOnB3");
				// The template still addresses what the properties say.
				assertThat(request.getUrl().queryParameter("db")).isEqualTo("ocean");
			});
	}

	@Test
	void theHttpClientUsesTheApplicationsTranslator() {
		this.server.enqueue(recorded("describe-missing-table"));
		CnosExceptionTranslator translator = (description,
				error) -> new TransientDataAccessResourceException("custom " + error.errorCode());
		this.runner.withPropertyValues("cnosdb.url=" + this.server.url())
			.withBean(CnosExceptionTranslator.class, () -> translator)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DefaultCnosExceptionTranslator.class);
				assertThatExceptionOfType(TransientDataAccessResourceException.class)
					.isThrownBy(() -> context.getBean(CnosHttpClient.class)
						.query("DESCRIBE TABLE \"air\"", "public", "cnosdb", () -> "describing air"))
					.withMessage("custom 030019");
			});
	}

	@Test
	void theApplicationsOperationsLeaveTheClientTheHealthAndTheWriterWorking() {
		this.server.enqueue(recorded("write"));
		this.server.enqueue(recorded("ping"), recorded("health-statement"));
		this.runner
			.withPropertyValues("cnosdb.url=" + this.server.url(), "cnosdb.write.batch.enabled=true",
					"cnosdb.write.batch.flush-interval=1h")
			.withUserConfiguration(OwnTemplate.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(CnosHttpClient.class)
					.hasSingleBean(CnosOperations.class)
					.hasBean("ownTemplate")
					.hasSingleBean(CnosBatchWriter.class);
				CnosBatchWriter writer = context.getBean(CnosBatchWriter.class);
				assertThat(writer.getDatabase()).isEqualTo("own");
				writer.write(Point.measurement("air").field("v", 1L).time(5, CnosPrecision.MS));
				writer.flush();
				RecordedRequest write = this.server.takeRequest();
				assertThat(write.getUrl().queryParameter("db")).isEqualTo("own");
				assertThat(write.getUrl().queryParameter("precision")).isEqualTo("ms");
				assertThat(context.getBean(CnosDbHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void operationsThatDoNotWriteLeaveNoWriterAndStart() {
		this.runner.withPropertyValues("cnosdb.write.batch.enabled=true")
			.withBean(CnosOperations.class, () -> mock(CnosOperations.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CnosHttpClient.class)
				.hasSingleBean(CnosDbHealthIndicator.class)
				.doesNotHaveBean(CnosTemplate.class)
				.doesNotHaveBean(CnosClient.class)
				.doesNotHaveBean(CnosBatchWriter.class));
	}

	@Test
	void theClientRunsThroughTheTemplate() {
		this.server.enqueue(recorded("select-1-as-n"));
		this.runner.withPropertyValues("cnosdb.url=" + this.server.url(), "cnosdb.database=ocean").run((context) -> {
			CnosClient client = context.getBean(CnosClient.class);
			assertThat(client.sql("SELECT :n AS n").param("n", 1).query(Long.class).single()).isEqualTo(1L);
			RecordedRequest request = this.server.takeRequest();
			assertThat(request.getBody().utf8()).isEqualTo("SELECT 1 AS n");
			assertThat(request.getUrl().queryParameter("db")).isEqualTo("ocean");
		});
	}

	@Test
	void theClientBacksOffForTheApplicationsOwn() {
		CnosClient own = mock(CnosClient.class);
		this.runner.withBean(CnosClient.class, () -> own)
			.run((context) -> assertThat(context.getBean(CnosClient.class)).isSameAs(own));
	}

	@Test
	void noClientForSeveralTemplates() {
		this.runner.withUserConfiguration(TwoTemplates.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CnosClient.class));
	}

	@Test
	void theHttpClientClosesWhatItMadeWithTheContext() {
		List<TrackedRequestFactory> made = new CopyOnWriteArrayList<>();
		this.server.enqueue(recorded("ping"), recorded("select-1"));
		this.runner.withPropertyValues("cnosdb.url=" + this.server.url())
			.withBean(ClientHttpRequestFactoryBuilder.class, () -> (settings) -> {
				TrackedRequestFactory factory = new TrackedRequestFactory();
				made.add(factory);
				return factory;
			})
			.run((context) -> {
				assertThat(context.getBean(CnosHttpClient.class).ping(Duration.ofSeconds(2)).isHealthy()).isTrue();
				assertThat(context.getBean(CnosTemplate.class).queryForObject("SELECT 1", Long.class)).isEqualTo(1L);
				// The ping's request factory and the client's own (Spring Boot's
				// RestClient.Builder may have made one more, which it keeps).
				List<TrackedRequestFactory> used = made.stream().filter(TrackedRequestFactory::isUsed).toList();
				assertThat(used).hasSize(2).noneMatch(TrackedRequestFactory::isDestroyed);
				((ConfigurableApplicationContext) context).close();
				assertThat(used).allMatch(TrackedRequestFactory::isDestroyed);
			});
	}

	@Test
	void theHttpClientOfSpringBootsDetectedFactoryIsClosedWithTheContext() {
		this.runner.withPropertyValues("cnosdb.url=" + this.server.url()).run((context) -> {
			CnosHttpClient client = context.getBean(CnosHttpClient.class);
			((ConfigurableApplicationContext) context).close();
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> client.query("SELECT 1", "public", "cnosdb", () -> "after close"));
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> client.ping(Duration.ofSeconds(1)));
			assertThat(this.server.requestCount()).isZero();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplate {

		@Bean
		CnosTemplate ownTemplate(CnosHttpClient client) {
			return CnosTemplate.builder().httpClient(client).database("own").writePrecision(CnosPrecision.MS).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoTemplates {

		@Bean
		CnosTemplate first(CnosHttpClient client) {
			return CnosTemplate.builder().httpClient(client).build();
		}

		@Bean
		CnosTemplate second(CnosHttpClient client) {
			return CnosTemplate.builder().httpClient(client).database("second").build();
		}

	}

	/** A request factory that records being used and being closed. */
	static final class TrackedRequestFactory extends SimpleClientHttpRequestFactory implements DisposableBean {

		private volatile boolean used;

		private volatile boolean destroyed;

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
			this.used = true;
			return super.createRequest(uri, httpMethod);
		}

		boolean isUsed() {
			return this.used;
		}

		@Override
		public void destroy() {
			this.destroyed = true;
		}

		boolean isDestroyed() {
			return this.destroyed;
		}

	}

}

package io.cnosdb.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.CnosExceptionTranslator;
import io.cnosdb.spring.core.exception.CnosErrorResponse;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recordedBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link CnosDbAutoConfiguration}: each property, back-off, connection details,
 * the customizer hook, and the use of Spring Boot's HTTP client plumbing, checked on the
 * requests a loopback server receives.
 */
class CnosDbAutoConfigurationTests {

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	private final MockCnosDb server = new MockCnosDb();

	@AfterEach
	void stopServer() throws Exception {
		this.server.close();
	}

	private String serverUrl() {
		return this.server.url();
	}

	private void enqueue(String scenario) {
		this.server.enqueue(recorded(scenario));
	}

	private RecordedRequest takeRequest() {
		return this.server.takeRequest();
	}

	@Test
	void defaultsMatchTheServerDefaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CnosTemplate.class)
				.hasSingleBean(PropertiesCnosDbConnectionDetails.class);
			CnosTemplate template = context.getBean(CnosTemplate.class);
			assertThat(template.getUrl()).isEqualTo("http://localhost:8902");
			assertThat(template.getUser()).isEqualTo("root");
			assertThat(template.getDatabase()).isEqualTo("public");
			assertThat(template.getTenant()).isEqualTo("cnosdb");
		});
	}

	@Test
	void propertiesReachTheWire() {
		enqueue("show-databases");
		this.runner
			.withPropertyValues("cnosdb.url=" + serverUrl(), "cnosdb.user=bob", "cnosdb.password=s3cret",
					"cnosdb.database=ocean", "cnosdb.tenant=acme")
			.run((context) -> {
				CnosTemplate template = context.getBean(CnosTemplate.class);
				assertThat(template.listDatabases()).containsExactly("cluster_schema", "public", "usage_schema");
				RecordedRequest request = takeRequest();
				assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/sql");
				assertThat(request.getUrl().queryParameter("db")).isEqualTo("ocean");
				assertThat(request.getUrl().queryParameter("tenant")).isEqualTo("acme");
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic Ym9iOnMzY3JldA==");
				assertThat(request.getHeaders().values("Accept")).containsExactly("application/csv");
			});
	}

	@Test
	void readTimeoutApplies() {
		this.server.enqueue(recordedBuilder("select-1").headersDelay(2, TimeUnit.SECONDS).build());
		this.runner.withPropertyValues("cnosdb.url=" + serverUrl(), "cnosdb.read-timeout=200ms").run((context) -> {
			CnosTemplate template = context.getBean(CnosTemplate.class);
			assertThatExceptionOfType(QueryTimeoutException.class).isThrownBy(() -> template.execute("SELECT 1"))
				.withMessageContaining(serverUrl().replaceAll("/$", ""));
		});
	}

	@Test
	void writePrecisionApplies() {
		enqueue("write");
		this.runner.withPropertyValues("cnosdb.url=" + serverUrl(), "cnosdb.write.precision=MS").run((context) -> {
			CnosTemplate template = context.getBean(CnosTemplate.class);
			template.writeLines(java.util.List.of("air,station=a temperature=1 1700000000000"));
			RecordedRequest request = takeRequest();
			assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/write");
			assertThat(request.getUrl().queryParameter("precision")).isEqualTo("ms");
			assertThat(template.withDatabase("other").getWritePrecision()).isEqualTo(CnosPrecision.MS);
		});
	}

	@Test
	void urlFromConnectionDetailsIsValidatedNamingTheBean() {
		this.runner.withBean(CnosDbConnectionDetails.class, () -> () -> "ftp://localhost").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("from the URL of " + CnosDbAutoConfigurationTests.class.getName());
		});
	}

	@Test
	void urlWithSurroundingWhitespaceIsUsedWithoutIt() {
		// The stripped URL was checked and the raw one used, which failed on the first
		// call
		// with a bare "Bad authority".
		enqueue("show-tables");
		// Set as a property source: withPropertyValues would trim the value.
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("untrimmed", Map.of("cnosdb.url", " " + serverUrl() + " \t"))))
			.run((context) -> {
				CnosTemplate template = context.getBean(CnosTemplate.class);
				assertThat(template.listTables()).containsExactly("air", "sea");
				assertThat(template.getUrl()).isEqualTo(serverUrl().replaceAll("/$", ""));
			});
	}

	@Test
	void timeoutPropertiesBind() {
		this.runner.withPropertyValues("cnosdb.connect-timeout=3s", "cnosdb.read-timeout=2m").run((context) -> {
			CnosDbProperties properties = context.getBean(CnosDbProperties.class);
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
			assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofMinutes(2));
		});
	}

	@Test
	void honoursSpringBootsChoiceOfHttpClient() {
		this.runner.withPropertyValues("spring.http.clients.imperative.factory=jdk", "cnosdb.url=" + serverUrl())
			.run((context) -> {
				enqueue("select-1");
				assertThat(context.getBean(CnosTemplate.class).queryForObject("SELECT 1", Long.class)).isEqualTo(1L);
				assertThat(takeRequest().getHeaders().values("Accept")).containsExactly("application/csv");
			});
	}

	@Test
	void sendsContentLengthWithTheDetectedHttpClient() {
		// Apache HttpClient 5 is what Spring Boot detects first, and what the starter
		// brings.
		this.runner.withPropertyValues("cnosdb.url=" + serverUrl()).run((context) -> {
			enqueue("select-1");
			assertThat(context.getBean(CnosTemplate.class).queryForObject("SELECT 1", Long.class)).isEqualTo(1L);
			RecordedRequest request = takeRequest();
			assertThat(request.getHeaders().get("Content-Length")).isEqualTo("8");
			assertThat(request.getChunkSizes()).isNullOrEmpty();
		});
	}

	@Test
	void serviceUnavailableIsNotResentBehindTheCallersBack() {
		this.server.enqueue(handWritten("proxy-unavailable"));
		// What a resend would get: the answer to an INSERT of one row.
		enqueue("golden-insert");
		this.runner.withPropertyValues("cnosdb.url=" + serverUrl()).run((context) -> {
			assertThatExceptionOfType(TransientDataAccessResourceException.class).isThrownBy(
					() -> context.getBean(CnosTemplate.class).execute("INSERT INTO t (time, f) VALUES (1, 1.0)"));
			assertThat(this.server.requestCount()).isEqualTo(1);
		});
	}

	@Test
	void springBootsRestClientCustomizersApply() {
		enqueue("show-tables");
		this.runner.withPropertyValues("cnosdb.url=" + serverUrl())
			.withBean(RestClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Boot", "applied"))
			.run((context) -> {
				assertThat(context.getBean(CnosTemplate.class).listTables()).containsExactly("air", "sea");
				assertThat(takeRequest().getHeaders().get("X-Boot")).isEqualTo("applied");
			});
	}

	@Test
	void cnosDbCustomizersApplyInOrder() {
		enqueue("show-tables-empty");
		this.runner.withPropertyValues("cnosdb.url=" + serverUrl())
			.withUserConfiguration(OrderedCustomizers.class)
			.run((context) -> {
				assertThat(context.getBean(CnosTemplate.class).listTables()).isEmpty();
				assertThat(takeRequest().getHeaders().values("X-Order")).containsExactly("first", "second");
			});
	}

	@Test
	void customizersDoNotTouchOtherRestClients() {
		this.runner.withUserConfiguration(OrderedCustomizers.class).run((context) -> {
			org.springframework.web.client.RestClient.Builder shared = context
				.getBean(org.springframework.web.client.RestClient.Builder.class);
			// Another service than CnosDB, whose answer does not matter.
			this.server.enqueue(new MockResponse.Builder().code(200).body("ok\n").build());
			shared.baseUrl(serverUrl()).build().get().uri("/other").retrieve().toBodilessEntity();
			assertThat(takeRequest().getHeaders().values("X-Order")).isEmpty();
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesCnosOperations() {
		CnosOperations own = mock(CnosOperations.class);
		this.runner.withBean(CnosOperations.class, () -> own).run((context) -> {
			assertThat(context).doesNotHaveBean(CnosTemplate.class);
			assertThat(context.getBean(CnosOperations.class)).isSameAs(own);
		});
	}

	@Test
	void connectionDetailsBeanReplacesProperties() {
		enqueue("show-tables-empty");
		this.runner.withPropertyValues("cnosdb.url=http://ignored:1", "cnosdb.user=ignored", "cnosdb.database=ocean")
			.withBean(CnosDbConnectionDetails.class, () -> new CnosDbConnectionDetails() {
				@Override
				public String getUrl() {
					return serverUrl();
				}

				@Override
				public String getUser() {
					return "svc";
				}

				@Override
				public String getPassword() {
					return "pw";
				}
			})
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesCnosDbConnectionDetails.class);
				CnosTemplate template = context.getBean(CnosTemplate.class);
				assertThat(template.getUser()).isEqualTo("svc");
				template.listTables();
				RecordedRequest request = takeRequest();
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic c3ZjOnB3");
				// Connection details say where; properties still say which database.
				assertThat(request.getUrl().queryParameter("db")).isEqualTo("ocean");
			});
	}

	@Test
	void uniqueExceptionTranslatorIsUsed() {
		enqueue("describe-missing-table");
		CnosExceptionTranslator translator = (description,
				error) -> new TransientDataAccessResourceException("custom " + error.errorCode());
		this.runner.withPropertyValues("cnosdb.url=" + serverUrl())
			.withBean(CnosExceptionTranslator.class, () -> translator)
			.run((context) -> assertThatExceptionOfType(TransientDataAccessResourceException.class)
				.isThrownBy(() -> context.getBean(CnosTemplate.class).execute("DESCRIBE TABLE \"air\""))
				.withMessage("custom 030019"));
	}

	@Test
	void worksWithoutSpringBootsRestClientAutoConfiguration() {
		CnosDbContextRunners.cnosDbAlone()
			.withClassLoader(new FilteredClassLoader(RestClientAutoConfiguration.class))
			.withPropertyValues("cnosdb.url=" + serverUrl())
			.run((context) -> {
				enqueue("show-databases");
				assertThat(context.getBean(CnosTemplate.class).listDatabases()).containsExactly("cluster_schema",
						"public", "usage_schema");
			});
	}

	@Test
	void notConfiguredWithoutSpringWeb() {
		this.runner.withClassLoader(new FilteredClassLoader(org.springframework.web.client.RestClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CnosTemplate.class));
	}

	@Test
	void serverErrorCarriesItsDetails() {
		enqueue("sql-parser-error");
		this.runner.withPropertyValues("cnosdb.url=" + serverUrl()).run((context) -> {
			CnosErrorResponse[] seen = new CnosErrorResponse[1];
			try {
				context.getBean(CnosTemplate.class).execute("1;");
			}
			catch (io.cnosdb.spring.core.exception.CnosBadSqlException ex) {
				seen[0] = ex.getErrorResponse();
			}
			assertThat(seen[0]).isEqualTo(
					new CnosErrorResponse(422, "010009", "sql parser error: Expected an SQL statement, found: 1"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		@Bean
		@Order(2)
		CnosDbRestClientCustomizer second() {
			return (builder) -> builder.defaultHeaders((headers) -> headers.add("X-Order", "second"));
		}

		@Bean
		@Order(1)
		CnosDbRestClientCustomizer first() {
			return (builder) -> builder.defaultHeaders((headers) -> headers.add("X-Order", "first"));
		}

	}

}

package io.cnosdb.spring.sample;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample against a loopback server that answers as CnosDB does; the requests it sends
 * are checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final MockWebServer cnosdb = startServer();

	@Value("${local.server.port}")
	private int port;

	private static MockWebServer startServer() {
		MockWebServer server = new MockWebServer();
		try {
			server.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		// Answer to the startup check.
		server.enqueue(csv("database_name\ncluster_schema\npublic\nusage_schema\n"));
		return server;
	}

	private static MockResponse csv(String body) {
		return new MockResponse.Builder().code(200).addHeader("content-type", "text/csv").body(body).build();
	}

	@DynamicPropertySource
	static void cnosdbUrl(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", () -> cnosdb.url("/").toString());
	}

	@AfterAll
	static void stopServer() {
		cnosdb.close();
	}

	/** The request the sample sent last; earlier ones (the startup check, other tests) are skipped. */
	private static RecordedRequest lastRequest() throws InterruptedException {
		RecordedRequest last = cnosdb.takeRequest(5, TimeUnit.SECONDS);
		for (RecordedRequest next = cnosdb.takeRequest(0, TimeUnit.SECONDS); next != null; next = cnosdb.takeRequest(0,
				TimeUnit.SECONDS)) {
			last = next;
		}
		return last;
	}

	private RestClient app() {
		return RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void listsDatabasesAndQueriesTheLatestRows() throws InterruptedException {
		cnosdb.enqueue(csv("database_name\ncluster_schema\npublic\nusage_schema\n"));
		List<String> databases = app().get().uri("/api/databases").retrieve().body(new ParameterizedTypeReference<>() {
		});
		assertThat(databases).containsExactly("cluster_schema", "public", "usage_schema");
		assertThat(lastRequest().getBody().utf8()).isEqualTo("SHOW DATABASES");

		cnosdb.enqueue(csv("time,station,visibility\n2023-07-28T02:12:11.000000000,007,56.0\n"));
		List<Map<String, Object>> rows = app().get()
			.uri("/api/databases/oceanic_station/tables/air/latest")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(rows).containsExactly(
				Map.of("time", "2023-07-28T02:12:11.000000000", "station", "007", "visibility", "56.0"));
		RecordedRequest query = lastRequest();
		assertThat(query.getUrl().queryParameter("db")).isEqualTo("oceanic_station");
		assertThat(query.getBody().utf8()).isEqualTo("SELECT * FROM \"air\" ORDER BY time DESC LIMIT 10");
	}

	@Test
	void unknownTableIsNotFound() {
		cnosdb.enqueue(new MockResponse.Builder().code(422)
			.addHeader("content-type", "application/json")
			.body("{\"error_code\":\"030019\",\"error_message\":\"Table not found: \\\"cnosdb.public.nope\\\"\"}")
			.build());
		ResponseEntity<String> response = app().get()
			.uri("/api/databases/public/tables/nope/latest")
			.retrieve()
			.onStatus((status) -> true, (request, reply) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getBody()).contains("Table not found");
	}

}

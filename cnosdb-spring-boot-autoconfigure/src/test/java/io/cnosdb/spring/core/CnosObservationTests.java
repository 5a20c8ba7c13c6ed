package io.cnosdb.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.client.RestClient;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The low-cardinality tags of the {@code http.client.requests} observations the
 * template's requests produce: one {@code uri} per endpoint, never the statement or the
 * database.
 */
class CnosObservationTests {

	private final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	@Test
	void eachEndpointHasItsOwnUriTag() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

			@Override
			public void onStop(Observation.Context context) {
				CnosObservationTests.this.contexts.add(context);
			}
		});
		CnosTemplate template = this.db.builder()
			.database("ocean")
			.restClientBuilder(RestClient.builder().observationRegistry(registry))
			.build();
		this.db.enqueue(recorded("select-1-as-n"), recorded("write"), recorded("ping"));
		template.queryForList("SELECT 1 AS n");
		template.writeLines(List.of("air,s=a t=1 1"));
		template.ping(Duration.ofSeconds(2));
		assertThat(this.contexts).hasSize(3);
		List<Map<String, String>> tags = this.contexts.stream()
			.map((context) -> context.getLowCardinalityKeyValues()
				.stream()
				.collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue)))
			.toList();
		assertThat(tags).extracting((tag) -> tag.get("uri"))
			.containsExactly("/api/v1/sql?db={db}&tenant={tenant}&chunked=true",
					"/api/v1/write?db={db}&tenant={tenant}&precision={precision}", "/api/v1/ping");
		assertThat(tags).extracting((tag) -> tag.get("method")).containsExactly("POST", "POST", "GET");
		assertThat(tags.toString()).doesNotContain("SELECT").doesNotContain("ocean");
	}

}

package io.cnosdb.spring.autoconfigure.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health of the nodes of a cluster: one {@code cnosdb} entry, UP while at least one
 * node serves and DOWN when none does, with each node under {@code nodes}, keyed by its
 * URL, with its status and the details one server shows.
 */
class CnosDbClusterHealthIndicatorTests {

	private static final String PING_VERSION = "2.4.2, revision c6a177786a823ff5b3cd991464e898fb7b413cad";

	@RegisterExtension
	final MockCnosDb first = new MockCnosDb();

	@RegisterExtension
	final MockCnosDb second = new MockCnosDb();

	private CnosHttpClient client;

	@AfterEach
	void closeClient() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private Health health(String... urls) {
		this.client = CnosHttpClient.builder().urls(List.of(urls)).build();
		return new CnosDbHealthIndicator(this.client, "public", "cnosdb", Duration.ofSeconds(2)).health();
	}

	private static String refusingUrl() throws Exception {
		try (MockCnosDb gone = new MockCnosDb()) {
			return gone.url().replaceAll("/$", "");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> nodes(Health health) {
		return (Map<String, Map<String, Object>>) health.getDetails().get("nodes");
	}

	@Test
	void upWhileOneNodeServesWithEachNodeShown() throws Exception {
		String refusing = refusingUrl();
		this.second.enqueue(recorded("ping"), recorded("health-statement"));
		Health health = health(refusing, this.second.url());
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("nodes");
		Map<String, Map<String, Object>> nodes = nodes(health);
		assertThat(nodes).containsOnlyKeys(refusing, this.second.url().replaceAll("/$", ""));
		assertThat(nodes.get(refusing)).containsEntry("status", "DOWN")
			.hasEntrySatisfying("reason",
					(reason) -> assertThat((String) reason).startsWith("Cannot reach CnosDB at " + refusing));
		assertThat(nodes.get(this.second.url().replaceAll("/$", ""))).containsOnly(Map.entry("status", "UP"),
				Map.entry("version", PING_VERSION));
		// The check tells the client: the node it could not reach is held down.
		assertThat(this.client.nodes().get(0).isAvailable()).isFalse();
		assertThat(this.client.nodes().get(1).version()).isEqualTo(PING_VERSION);
	}

	@Test
	void downWhenNoNodeServes() throws Exception {
		// The second answers its ping but refuses the credentials: it serves no call.
		String refusing = refusingUrl();
		this.second.enqueue(recorded("ping"), recorded("unknown-user"));
		Health health = health(refusing, this.second.url());
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		Map<String, Object> refused = nodes(health).get(this.second.url().replaceAll("/$", ""));
		assertThat(refused).containsEntry("status", "DOWN")
			.containsEntry("version", PING_VERSION)
			.containsEntry("httpStatus", 422)
			.containsEntry("errorCode", "010016");
		assertThat(this.client.nodes().get(1).isAvailable()).as("a refusal is no failure of the node").isTrue();
	}

	@Test
	void theAutoConfiguredEntryOfAClusterIsOneIndicator() {
		this.first.enqueue(recorded("ping"), recorded("health-statement"));
		this.second.enqueue(recorded("ping"), recorded("health-statement"));
		CnosDbContextRunners.application()
			.withPropertyValues("cnosdb.urls=" + this.first.url() + "," + this.second.url())
			.run((context) -> {
				HealthContributor contributor = context.getBean("cnosdbHealthContributor", HealthContributor.class);
				assertThat(contributor).isInstanceOf(CnosDbHealthIndicator.class);
				Health health = ((HealthIndicator) contributor).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(nodes(health)).hasSize(2)
					.allSatisfy((url, node) -> assertThat(node).containsEntry("status", "UP"));
			});
	}

}

package io.cnosdb.spring.testcontainers;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbConnectionDetails;
import io.cnosdb.spring.autoconfigure.health.CnosDbHealthContributorAutoConfiguration;
import io.cnosdb.spring.autoconfigure.health.CnosDbHealthIndicator;
import io.cnosdb.spring.core.CnosTemplate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @ServiceConnection} {@link CnosDbContainer} drives the auto-configured
 * template and health indicator. Needs Docker; skipped where there is none.
 */
@SpringJUnitConfig
@Testcontainers(disabledWithoutDocker = true)
@ImportAutoConfiguration({ CnosDbAutoConfiguration.class, CnosDbHealthContributorAutoConfiguration.class })
class CnosDbContainerIntegrationTests {

	@Container
	@ServiceConnection
	static final CnosDbContainer cnosdb = new CnosDbContainer();

	@Autowired
	private CnosDbConnectionDetails connectionDetails;

	@Autowired
	private CnosTemplate template;

	@Autowired
	private CnosDbHealthIndicator healthIndicator;

	@Test
	void connectionDetailsComeFromTheContainer() {
		assertThat(this.connectionDetails.getUrl()).isEqualTo(cnosdb.getHttpUrl());
		assertThat(this.template.getUrl()).isEqualTo(cnosdb.getHttpUrl());
		assertThat(cnosdb.getFlightSqlUrl()).startsWith("jdbc:arrow-flight-sql://")
			.contains(":" + cnosdb.getFlightSqlPort());
	}

	@Test
	void templateWritesAndReads() {
		this.template.execute("CREATE DATABASE IF NOT EXISTS tc_it WITH TTL '3650d'");
		CnosTemplate db = this.template.withDatabase("tc_it");
		db.writeLines(List.of("air,station=XiaoMaiDao temperature=21.5 1700000000000000000"));
		assertThat(db.queryForObject("SELECT count(*) FROM air", Long.class)).isEqualTo(1L);
		this.template.dropDatabaseIfExists("tc_it");
	}

	@Test
	void healthIsUpWithTheServerVersion() {
		Health health = this.healthIndicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((String) health.getDetails().get("version")).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(this.template.ping(Duration.ofSeconds(2)).isHealthy()).isTrue();
	}

}

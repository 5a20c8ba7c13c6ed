package io.cnosdb.spring.testcontainers;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.core.CnosTemplate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@link GenericContainer} of the {@code cnosdb/cnosdb} image is matched by its
 * image name. Needs Docker; skipped where there is none.
 */
@SpringJUnitConfig
@Testcontainers(disabledWithoutDocker = true)
@ImportAutoConfiguration(CnosDbAutoConfiguration.class)
class CnosDbGenericContainerIntegrationTests {

	@Container
	@ServiceConnection
	static final GenericContainer<?> cnosdb = new GenericContainer<>("cnosdb/cnosdb:community-latest")
		.withExposedPorts(8902)
		.waitingFor(Wait.forHttp("/api/v1/ping").forPort(8902).forStatusCode(200))
		.withStartupTimeout(Duration.ofMinutes(3));

	@Autowired
	private CnosTemplate template;

	@Test
	void templateReachesTheContainer() {
		assertThat(this.template.getUrl()).isEqualTo("http://" + cnosdb.getHost() + ":" + cnosdb.getMappedPort(8902));
		assertThat(this.template.listDatabases()).contains("public");
	}

}

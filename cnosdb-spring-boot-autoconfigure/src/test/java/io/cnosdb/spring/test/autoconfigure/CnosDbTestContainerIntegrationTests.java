package io.cnosdb.spring.test.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import io.cnosdb.spring.autoconfigure.CnosDbConnectionDetails;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.test.autoconfigure.CnosDbTest.Database;
import io.cnosdb.spring.testcontainers.CnosDbContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @CnosDbTest} with a {@code @ServiceConnection} container: the slice's template
 * connects to it, in a throwaway database. Needs Docker; skipped where there is none.
 */
@CnosDbTest(database = Database.THROWAWAY)
@Testcontainers(disabledWithoutDocker = true)
class CnosDbTestContainerIntegrationTests {

	@Container
	@ServiceConnection
	static final CnosDbContainer cnosdb = new CnosDbContainer();

	@Autowired
	private CnosDbConnectionDetails connectionDetails;

	@Autowired
	private CnosTemplate template;

	@Test
	void templateConnectsToTheContainer() {
		assertThat(this.connectionDetails.getUrl()).isEqualTo(cnosdb.getHttpUrl());
		assertThat(this.template.getUrl()).isEqualTo(cnosdb.getHttpUrl());
		assertThat(this.template.listDatabases()).contains(this.template.getDatabase());
		this.template.writeLines(List.of("air,station=XiaoMaiDao temperature=21.5 1700000000000000000"));
		assertThat(this.template.queryForObject("SELECT count(*) FROM air", Long.class)).isEqualTo(1L);
	}

}

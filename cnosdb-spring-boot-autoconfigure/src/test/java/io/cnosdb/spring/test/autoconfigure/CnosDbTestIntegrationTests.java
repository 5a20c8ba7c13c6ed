package io.cnosdb.spring.test.autoconfigure;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.test.autoconfigure.CnosDbTest.Database;
import io.cnosdb.spring.testsupport.CnosDbServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @CnosDbTest} against a real CnosDB named through {@code @DynamicPropertySource}
 * ({@link CnosDbServer}: {@code CNOSDB_URL}, or a container where Docker answers; skipped
 * with neither), writing to and reading from a throwaway database of this class.
 */
@CnosDbTest(database = Database.THROWAWAY)
class CnosDbTestIntegrationTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	@Autowired
	private CnosTemplate template;

	@Autowired
	private CnosClient client;

	@DynamicPropertySource
	static void cnosdb(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", cnosdb::url);
		registry.add("cnosdb.user", cnosdb::user);
		registry.add("cnosdb.password", cnosdb::password);
	}

	@Test
	void templateAndClientAddressTheThrowawayDatabase() {
		String database = this.template.getDatabase();
		assertThat(database).startsWith("test_cnosdbtestintegrationtests_");
		assertThat(cnosdb.template().listDatabases()).contains(database);
		long now = Instant.now().getEpochSecond() * 1_000_000_000L;
		this.template.writeLines(List.of("air,station=XiaoMaiDao temperature=21.5 " + now,
				"air,station=LianYunGang temperature=19.0 " + now));
		assertThat(this.client.sql("SELECT count(*) FROM air WHERE station = :station")
			.param("station", "XiaoMaiDao")
			.query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(cnosdb.template().withDatabase(database).queryForObject("SELECT count(*) FROM air", Long.class))
			.isEqualTo(2L);
	}

}

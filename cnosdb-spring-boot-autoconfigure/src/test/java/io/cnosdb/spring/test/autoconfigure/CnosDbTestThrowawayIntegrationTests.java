package io.cnosdb.spring.test.autoconfigure;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.test.autoconfigure.CnosDbTest.Database;
import io.cnosdb.spring.testsupport.CnosDbServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throwaway database on a real CnosDB ({@link CnosDbServer}; skipped without one)
 * exists while its test class runs and is gone after it; the Spring lifecycle of the test
 * class is run by hand to look at the server after it.
 */
class CnosDbTestThrowawayIntegrationTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	@Test
	void databaseExistsWhileTheClassRunsAndIsDroppedAfterIt() throws Exception {
		SpringTestClassRun<ThrowawayDatabaseTestClass> run = SpringTestClassRun.start(ThrowawayDatabaseTestClass.class);
		String database = run.instance().template.getDatabase();
		try {
			assertThat(cnosdb.template().listDatabases()).contains(database);
			run.instance().template.writeLines(
					List.of("air,station=XiaoMaiDao temperature=21.5 " + Instant.now().getEpochSecond() + "000000000"));
			assertThat(run.instance().template.queryForObject("SELECT count(*) FROM air", Long.class)).isEqualTo(1L);
		}
		finally {
			run.finish();
		}
		assertThat(cnosdb.template().listDatabases()).doesNotContain(database);
	}

	@CnosDbTest(database = Database.THROWAWAY)
	static class ThrowawayDatabaseTestClass {

		@Autowired
		CnosTemplate template;

		@DynamicPropertySource
		static void cnosdb(DynamicPropertyRegistry registry) {
			registry.add("cnosdb.url", cnosdb::url);
			registry.add("cnosdb.user", cnosdb::user);
			registry.add("cnosdb.password", cnosdb::password);
		}

	}

}

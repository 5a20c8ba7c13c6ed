package io.cnosdb.spring.test.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.test.autoconfigure.CnosDbTest.Database;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice runs the application's schema scripts as startup does: in the configured
 * database, or in a throwaway one once it is created, with the placeholders of
 * {@code cnosdb.database} resolved to it.
 */
class CnosDbTestSchemaScriptsTests {

	private static final String SCRIPTS = "cnosdb.schema.locations=classpath:cnosdb-schema/database.sql,"
			+ "classpath:cnosdb-schema/tables.sql";

	/** The server the test classes below connect to, set for each test. */
	private static volatile String url;

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	@BeforeEach
	void pointTheTestClassesAtTheServer() {
		url = this.db.url();
	}

	@Test
	void scriptsRunInTheThrowawayDatabaseOnceItIsCreated() throws Exception {
		this.db.enqueue(recorded("create-database"), recorded("sample-create-database"),
				recorded("sample-create-table"), recorded("create-table"), recorded("create-stream-table"),
				recorded("drop-database-if-exists"));
		SpringTestClassRun<ThrowawayWithScripts> run = SpringTestClassRun.start(ThrowawayWithScripts.class);
		String database = run.instance().template.getDatabase();
		assertThat(database).startsWith("test_throwawaywithscripts_");
		List<RecordedRequest> requests = take(5);
		assertThat(requests).extracting((request) -> request.getUrl().queryParameter("db")).containsOnly(database);
		assertThat(requests).extracting((request) -> request.getBody().utf8())
			.startsWith("CREATE DATABASE \"" + database + "\"",
					"CREATE DATABASE IF NOT EXISTS \"" + database + "\" WITH TTL '3650d'")
			.last()
			.asString()
			.contains("WITH (db = '" + database + "', table = 'air'");
		run.finish();
		assertThat(this.db.takeBody()).isEqualTo("DROP DATABASE IF EXISTS \"" + database + "\"");
		assertThat(this.db.requestCount()).isEqualTo(6);
	}

	@Test
	void scriptsRunInTheConfiguredDatabase() throws Exception {
		this.db.enqueue(recorded("sample-create-database"), recorded("sample-create-table"), recorded("create-table"),
				recorded("create-stream-table"));
		SpringTestClassRun<ConfiguredWithScripts> run = SpringTestClassRun.start(ConfiguredWithScripts.class);
		List<RecordedRequest> requests = take(4);
		assertThat(requests).extracting((request) -> request.getUrl().queryParameter("db")).containsOnly("ocean");
		assertThat(requests.get(0).getBody().utf8())
			.isEqualTo("CREATE DATABASE IF NOT EXISTS \"ocean\" WITH TTL '3650d'");
		run.finish();
		assertThat(this.db.requestCount()).isEqualTo(4);
	}

	private List<RecordedRequest> take(int count) {
		List<RecordedRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add(this.db.takeRequest());
		}
		return requests;
	}

	@CnosDbTest(database = Database.THROWAWAY, properties = SCRIPTS)
	static class ThrowawayWithScripts {

		@Autowired
		CnosTemplate template;

		@DynamicPropertySource
		static void cnosdb(DynamicPropertyRegistry registry) {
			registry.add("cnosdb.url", () -> url);
		}

	}

	@CnosDbTest(properties = { SCRIPTS, "cnosdb.database=ocean" })
	static class ConfiguredWithScripts {

		@Autowired
		CnosTemplate template;

		@DynamicPropertySource
		static void cnosdb(DynamicPropertyRegistry registry) {
			registry.add("cnosdb.url", () -> url);
		}

	}

}

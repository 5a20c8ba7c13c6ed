package io.cnosdb.spring.test.autoconfigure;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.test.autoconfigure.CnosDbTest.Database;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code @CnosDbTest(database = THROWAWAY)} against a loopback server replaying answers
 * recorded from CnosDB: each test runs the Spring lifecycle of a test class by hand, to
 * see the database created before the class's beans use it and dropped after the class.
 */
@ExtendWith(OutputCaptureExtension.class)
class CnosDbTestThrowawayDatabaseTests {

	/** The server the test classes below connect to, set for each test. */
	private static volatile String url;

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	@BeforeEach
	void pointTheTestClassesAtTheServer() {
		url = this.db.url();
	}

	@Test
	void databaseIsCreatedBeforeUseAndDroppedAfterTheClass() throws Exception {
		this.db.enqueue(recorded("create-database"), recorded("count"), recorded("drop-database-if-exists"));
		SpringTestClassRun<ThrowawayDatabaseTestClass> run = SpringTestClassRun.start(ThrowawayDatabaseTestClass.class);
		String database = run.instance().template.getDatabase();
		assertThat(database).matches("test_throwawaydatabasetestclass_[0-9a-z]+");
		RecordedRequest create = this.db.takeRequest();
		assertThat(create.getBody().utf8()).isEqualTo("CREATE DATABASE \"" + database + "\"");
		assertThat(create.getUrl().queryParameter("db")).isEqualTo(database);

		assertThat(run.instance().client.sql("select count(*) from air").query(Long.class).single()).isEqualTo(42L);
		assertThat(this.db.takeRequest().getUrl().queryParameter("db")).isEqualTo(database);

		run.finish();
		assertThat(this.db.takeBody()).isEqualTo("DROP DATABASE IF EXISTS \"" + database + "\"");
		assertThat(((ConfigurableApplicationContext) run.context()).isActive()).isFalse();
		assertThat(this.db.requestCount()).isEqualTo(3);
	}

	@Test
	void databaseFailingToBeCreatedFailsTheContextNamingIt() {
		this.db.enqueue(recorded("create-existing-database"));
		assertThatException().isThrownBy(() -> SpringTestClassRun.start(CreationFailsTestClass.class))
			.satisfies((ex) -> assertThat(ex)
				.hasStackTraceContaining("Could not create the throwaway database 'test_creationfailstestclass_")
				.hasStackTraceContaining(" at " + this.db.url().replaceAll("/$", "") + " for the test")
				.hasStackTraceContaining("already exists"));
		assertThat(this.db.requestCount()).isEqualTo(1);
	}

	@Test
	void databaseFailingToBeDroppedIsLoggedAndTheContextCloses(CapturedOutput output) throws Exception {
		this.db.enqueue(recorded("create-database"), recorded("internal-server-error"));
		SpringTestClassRun<DropFailsTestClass> run = SpringTestClassRun.start(DropFailsTestClass.class);
		String database = run.instance().template.getDatabase();
		run.finish();
		assertThat(((ConfigurableApplicationContext) run.context()).isActive()).isFalse();
		assertThat(output).contains("Could not drop the throwaway database '" + database + "'")
			.contains("drop it by hand");
		assertThat(this.db.requestCount()).isEqualTo(2);
	}

	@Test
	void eachTestClassGetsADatabaseOfItsOwn() throws Exception {
		this.db.enqueue(recorded("create-database"), recorded("create-database"), recorded("drop-database-if-exists"),
				recorded("drop-database-if-exists"));
		SpringTestClassRun<ThrowawayDatabaseTestClass> first = SpringTestClassRun
			.start(ThrowawayDatabaseTestClass.class);
		SpringTestClassRun<OtherThrowawayDatabaseTestClass> second = SpringTestClassRun
			.start(OtherThrowawayDatabaseTestClass.class);
		assertThat(first.context()).isNotSameAs(second.context());
		assertThat(first.instance().template.getDatabase()).startsWith("test_throwawaydatabasetestclass_");
		assertThat(second.instance().template.getDatabase()).startsWith("test_otherthrowawaydatabasetestclass_");
		assertThat(this.db.takeBody()).isEqualTo("CREATE DATABASE \"" + first.instance().template.getDatabase() + "\"");
		assertThat(this.db.takeBody())
			.isEqualTo("CREATE DATABASE \"" + second.instance().template.getDatabase() + "\"");
		first.finish();
		assertThat(this.db.takeBody())
			.isEqualTo("DROP DATABASE IF EXISTS \"" + first.instance().template.getDatabase() + "\"");
		second.finish();
		assertThat(this.db.takeBody())
			.isEqualTo("DROP DATABASE IF EXISTS \"" + second.instance().template.getDatabase() + "\"");
	}

	@Test
	void autoConfigureCnosDbGivesASpringBootTestAThrowawayDatabase() throws Exception {
		this.db.enqueue(recorded("create-database"), recorded("drop-database-if-exists"));
		SpringTestClassRun<SpringBootTestClass> run = SpringTestClassRun.start(SpringBootTestClass.class);
		String database = run.instance().template.getDatabase();
		assertThat(database).startsWith("test_springboottestclass_");
		assertThat(this.db.takeBody()).isEqualTo("CREATE DATABASE \"" + database + "\"");
		run.finish();
		assertThat(this.db.takeBody()).isEqualTo("DROP DATABASE IF EXISTS \"" + database + "\"");
	}

	/**
	 * A test class with a throwaway database, which overrides both the annotation's and a
	 * dynamic {@code cnosdb.database}.
	 */
	@CnosDbTest(database = Database.THROWAWAY, properties = "cnosdb.database=annotation_db")
	static class ThrowawayDatabaseTestClass {

		@Autowired
		CnosTemplate template;

		@Autowired
		CnosClient client;

		@DynamicPropertySource
		static void cnosdb(DynamicPropertyRegistry registry) {
			registry.add("cnosdb.url", () -> url);
			registry.add("cnosdb.database", () -> "dynamic_db");
		}

	}

	@CnosDbTest(database = Database.THROWAWAY)
	static class OtherThrowawayDatabaseTestClass {

		@Autowired
		CnosTemplate template;

		@DynamicPropertySource
		static void cnosdb(DynamicPropertyRegistry registry) {
			registry.add("cnosdb.url", () -> url);
		}

	}

	@SpringBootTest(classes = SpringBootTestClass.NoConfiguration.class)
	@AutoConfigureCnosDb(database = Database.THROWAWAY)
	static class SpringBootTestClass {

		@Autowired
		CnosTemplate template;

		@DynamicPropertySource
		static void cnosdb(DynamicPropertyRegistry registry) {
			registry.add("cnosdb.url", () -> url);
		}

		@Configuration(proxyBeanMethods = false)
		static class NoConfiguration {

		}

	}

	@CnosDbTest(database = Database.THROWAWAY)
	static class CreationFailsTestClass {

		@DynamicPropertySource
		static void cnosdb(DynamicPropertyRegistry registry) {
			registry.add("cnosdb.url", () -> url);
		}

	}

	@CnosDbTest(database = Database.THROWAWAY)
	static class DropFailsTestClass {

		@Autowired
		CnosTemplate template;

		@DynamicPropertySource
		static void cnosdb(DynamicPropertyRegistry registry) {
			registry.add("cnosdb.url", () -> url);
		}

	}

}

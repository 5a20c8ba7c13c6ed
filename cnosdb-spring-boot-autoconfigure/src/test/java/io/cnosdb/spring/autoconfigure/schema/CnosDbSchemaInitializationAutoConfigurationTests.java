package io.cnosdb.spring.autoconfigure.schema;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code cnosdb.schema.*}: the scripts' statements reach the server in order, once,
 * before the beans that use CnosDB; a failure stops startup naming the script, the
 * statement and the server's answer, unless continue-on-error; {@code mode=never} runs
 * nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class CnosDbSchemaInitializationAutoConfigurationTests {

	private static final String DATABASE_SCRIPT = "classpath:cnosdb-schema/database.sql";

	private static final String TABLES_SCRIPT = "classpath:cnosdb-schema/tables.sql";

	private static final String FAILING_SCRIPT = "classpath:cnosdb-schema/failing.sql";

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	private ApplicationContextRunner at(String url) {
		return this.runner.withPropertyValues("cnosdb.url=" + url, "cnosdb.database=ocean");
	}

	@Test
	void nothingRunsWithoutLocations() {
		at(this.db.url()).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(CnosDbScriptDatabaseInitializer.class);
			assertThat(this.db.requestCount()).isZero();
		});
	}

	@Test
	void runsTheStatementsOfEachLocationInOrder() {
		enqueueSchemaAnswers();
		at(this.db.url()).withPropertyValues("cnosdb.schema.locations=" + DATABASE_SCRIPT + "," + TABLES_SCRIPT)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(requests(4)).extracting(MockCnosDbRequest::body)
					.containsExactly("CREATE DATABASE IF NOT EXISTS \"ocean\" WITH TTL '3650d'",
							"CREATE TABLE IF NOT EXISTS air (\n    visibility DOUBLE,\n    temperature DOUBLE,\n"
									+ "    pressure DOUBLE,\n    TAGS(station)\n)",
							"CREATE TABLE IF NOT EXISTS air_hourly (max_temperature DOUBLE, TAGS(station))",
							"CREATE STREAM TABLE IF NOT EXISTS air_stream (time TIMESTAMP, station STRING, "
									+ "temperature DOUBLE)\n    WITH (db = 'ocean', table = 'air', "
									+ "event_time_column = 'time') engine = tskv");
				assertThat(context.getBean(CnosDbScriptDatabaseInitializer.class).isInitialized()).isTrue();
				assertThat(this.db.requestCount()).isEqualTo(4);
			});
	}

	@Test
	void statementsAddressTheDatabaseAndTenantOfTheTemplate() {
		// CnosDB runs CREATE DATABASE in a database that does not exist yet.
		enqueueSchemaAnswers();
		at(this.db.url())
			.withPropertyValues("cnosdb.schema.locations=" + DATABASE_SCRIPT + "," + TABLES_SCRIPT,
					"cnosdb.tenant=acme", "app.ttl=30d")
			.run((context) -> {
				List<MockCnosDbRequest> requests = requests(4);
				assertThat(requests.get(0).body()).isEqualTo("CREATE DATABASE IF NOT EXISTS \"ocean\" WITH TTL '30d'");
				assertThat(requests).extracting(MockCnosDbRequest::database).containsOnly("ocean");
				assertThat(requests).extracting(MockCnosDbRequest::tenant).containsOnly("acme");
			});
	}

	@Test
	void placeholderValuesAreQuotedAndNeverShownWhenTheyArePasswords() {
		this.db.enqueue(recorded("create-existing-user"));
		at(this.db.url())
			.withPropertyValues("cnosdb.schema.locations=classpath:cnosdb-schema/users.sql",
					"app.reporter-password=S3cr'et")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(requests(1).get(0).body()).isEqualTo("CREATE USER reporter WITH PASSWORD = 'S3cr''et'");
				CnosDbScriptStatementFailedException failure = failure(context.getStartupFailure());
				assertThat(failure.getStatement()).isEqualTo("CREATE USER reporter WITH PASSWORD = '******'");
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					assertThat(cause.getMessage()).doesNotContain("S3cr");
				}
			});
	}

	@Test
	void aPlaceholderOutsideQuotesStopsStartupBeforeAnythingIsSent() {
		at(this.db.url()).withPropertyValues("cnosdb.schema.locations=classpath:cnosdb-schema/unquoted-placeholder.sql")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageStartingWith("Line 2: the placeholder ${cnosdb.database} stands outside quotes");
				assertThat(findCause(context.getStartupFailure(), CnosDbScriptException.class).getMessage())
					.startsWith("Cannot run class path resource [cnosdb-schema/unquoted-placeholder.sql]: Line 2:");
				assertThat(this.db.requestCount()).isZero();
			});
	}

	@Test
	void aRefusedStatementStopsStartupNamingScriptStatementLineAndAnswer() {
		this.db.enqueue(recorded("create-database"), recorded("create-existing-database"));
		at(this.db.url()).withPropertyValues("cnosdb.schema.locations=" + FAILING_SCRIPT).run((context) -> {
			assertThat(context).hasFailed();
			CnosDbScriptStatementFailedException failure = failure(context.getStartupFailure());
			assertThat(failure.getScript()).isEqualTo("class path resource [cnosdb-schema/failing.sql]");
			assertThat(failure.getStatementNumber()).isEqualTo(2);
			assertThat(failure.getLine()).isEqualTo(4);
			assertThat(failure.getStatement()).isEqualTo("CREATE DATABASE second");
			assertThat(failure.getMessage())
				.startsWith("Statement 2 of class path resource [cnosdb-schema/failing.sql] (line 4) failed: ")
				.contains("Database \"fixture_db\" already exists", "030018");
			assertThat(requests(2)).extracting(MockCnosDbRequest::body)
				.containsExactly("CREATE DATABASE IF NOT EXISTS first", "CREATE DATABASE second");
			assertThat(this.db.requestCount()).as("nothing after the failed statement").isEqualTo(2);
		});
	}

	@Test
	void continueOnErrorLogsAFailedStatementAndGoesOn(CapturedOutput output) {
		this.db.enqueue(recorded("create-database"), recorded("create-existing-database"), recorded("create-database"));
		at(this.db.url())
			.withPropertyValues("cnosdb.schema.locations=" + FAILING_SCRIPT, "cnosdb.schema.continue-on-error=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(requests(3)).extracting(MockCnosDbRequest::body)
					.containsExactly("CREATE DATABASE IF NOT EXISTS first", "CREATE DATABASE second",
							"CREATE DATABASE IF NOT EXISTS third");
				assertThat(output).contains(
						"Statement 2 of class path resource [cnosdb-schema/failing.sql] (line 4) " + "failed: ",
						"; going on with the next statement (cnosdb.schema.continue-on-error=true)");
				assertThat(output).doesNotContain("\tat ");
				CnosDbScriptDatabaseInitializer initializer = context.getBean(CnosDbScriptDatabaseInitializer.class);
				assertThat(initializer.isInitialized()).isFalse();

				// Applied again later, it stops at the first failure.
				this.db.enqueue(recorded("create-database"), recorded("create-existing-database"));
				assertThatExceptionOfType(CnosDbScriptStatementFailedException.class)
					.isThrownBy(initializer::ensureInitialized)
					.satisfies((ex) -> assertThat(ex.getStatementNumber()).isEqualTo(2));
				assertThat(requests(2)).extracting(MockCnosDbRequest::body)
					.containsExactly("CREATE DATABASE IF NOT EXISTS first", "CREATE DATABASE second");
				assertThat(initializer.isInitialized()).isFalse();

				this.db.enqueue(recorded("create-database"), recorded("create-database"), recorded("create-database"));
				initializer.ensureInitialized();
				assertThat(requests(3)).hasSize(3);
				assertThat(initializer.isInitialized()).isTrue();
				initializer.ensureInitialized();
				assertThat(this.db.requestCount()).as("nothing once applied").isEqualTo(8);
			});
	}

	@Test
	void anUnreachableServerStopsStartupSayingSo() throws IOException {
		String url = closedPortUrl();
		at(url).withPropertyValues("cnosdb.schema.locations=" + FAILING_SCRIPT).run((context) -> {
			assertThat(context).hasFailed();
			CnosDbScriptStatementFailedException failure = failure(context.getStartupFailure());
			assertThat(failure.getStatementNumber()).isEqualTo(1);
			assertThat(failure.getMessage()).contains(url.substring("http://".length()));
		});
	}

	@Test
	void withContinueOnErrorAnUnreachableServerSkipsTheRestOnce(CapturedOutput output) throws IOException {
		at(closedPortUrl())
			.withPropertyValues("cnosdb.schema.locations=" + FAILING_SCRIPT + "," + TABLES_SCRIPT,
					"cnosdb.schema.continue-on-error=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CnosDbScriptDatabaseInitializer.class).isInitialized()).isFalse();
				String log = output.getOut();
				assertThat(log).containsOnlyOnce("CnosDB is unavailable, so the remaining statements are skipped")
					.contains("Statement 1 of class path resource [cnosdb-schema/failing.sql] (line 1) failed")
					.doesNotContain("Statement 2 of")
					.doesNotContain("\tat ");
			});
	}

	@Test
	void neverModeRunsNothing() {
		at(this.db.url()).withPropertyValues("cnosdb.schema.locations=" + DATABASE_SCRIPT, "cnosdb.schema.mode=never")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CnosDbScriptDatabaseInitializer.class);
				assertThat(this.db.requestCount()).isZero();
			});
	}

	@Test
	void embeddedModeIsRefused() {
		at(this.db.url())
			.withPropertyValues("cnosdb.schema.locations=" + DATABASE_SCRIPT, "cnosdb.schema.mode=embedded")
			.run((context) -> {
				assertThat(context).hasFailed();
				InvalidConfigurationPropertyValueException failure = findCause(context.getStartupFailure(),
						InvalidConfigurationPropertyValueException.class);
				assertThat(failure.getName()).isEqualTo("cnosdb.schema.mode");
				assertThat(failure.getReason())
					.isEqualTo("must be always or never: CnosDB is a server, never an " + "embedded database");
				assertThat(this.db.requestCount()).isZero();
			});
	}

	@Test
	void aMissingScriptStopsStartupUnlessOptional() {
		at(this.db.url()).withPropertyValues("cnosdb.schema.locations=classpath:cnosdb-schema/missing.sql")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessage("No schema scripts found at location 'classpath:cnosdb-schema/missing.sql'");
			});
		at(this.db.url()).withPropertyValues("cnosdb.schema.locations=optional:classpath:cnosdb-schema/missing.sql")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CnosDbScriptDatabaseInitializer.class).isInitialized()).isTrue();
				assertThat(this.db.requestCount()).isZero();
			});
	}

	@Test
	void beansThatUseCnosDbWaitForTheScripts() {
		enqueueSchemaAnswers();
		at(this.db.url())
			.withPropertyValues("cnosdb.schema.locations=" + DATABASE_SCRIPT + "," + TABLES_SCRIPT,
					"cnosdb.write.batch.enabled=true")
			.withBean(IntSupplier.class, () -> this.db::requestCount)
			.withUserConfiguration(WaitingBeans.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WaitingBeans.class).requestsSeen).containsExactly(4);
				for (Class<?> type : List.of(CnosTemplate.class, CnosClient.class, CnosBatchWriter.class)) {
					String name = context.getBeanNamesForType(type)[0];
					assertThat(context.getBeanFactory().getBeanDefinition(name).getDependsOn()).as(name)
						.contains("cnosDbScriptDatabaseInitializer");
				}
			});
	}

	/** CnosDB's answers to the statements of the database and tables scripts. */
	private void enqueueSchemaAnswers() {
		this.db.enqueue(recorded("sample-create-database"), recorded("sample-create-table"), recorded("create-table"),
				recorded("create-stream-table"));
	}

	private List<MockCnosDbRequest> requests(int count) {
		List<MockCnosDbRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			RecordedRequest request = this.db.takeRequest();
			requests.add(new MockCnosDbRequest(request.getBody().utf8(), request.getUrl().queryParameter("db"),
					request.getUrl().queryParameter("tenant")));
		}
		return requests;
	}

	private static CnosDbScriptStatementFailedException failure(Throwable startupFailure) {
		return findCause(startupFailure, CnosDbScriptStatementFailedException.class);
	}

	static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	static String closedPortUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	/** A statement as the server got it. */
	record MockCnosDbRequest(String body, String database, String tenant) {
	}

	/**
	 * A bean of the application's that depends on database initialization: it counts the
	 * requests the server has seen when it is created. Without the dependency it would be
	 * created first, as the application's beans are registered before auto-configured
	 * ones.
	 */
	@Configuration(proxyBeanMethods = false)
	static class WaitingBeans {

		final List<Integer> requestsSeen = new ArrayList<>();

		@Bean
		@DependsOnDatabaseInitialization
		Object reportWriter(IntSupplier requestCount) {
			this.requestsSeen.add(requestCount.getAsInt());
			return new Object();
		}

	}

}

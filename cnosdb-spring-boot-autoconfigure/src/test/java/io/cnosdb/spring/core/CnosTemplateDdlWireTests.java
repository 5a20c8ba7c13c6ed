package io.cnosdb.spring.core;

import java.time.Duration;

import io.cnosdb.spring.core.ddl.Codec;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.ddl.FieldType;
import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.ddl.TableDefinition;
import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.testsupport.MockCnosDb;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The DDL helpers: the exact statement each sends and the parsing of the metadata answers
 * recorded from CnosDB.
 */
class CnosTemplateDdlWireTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	@Test
	void createDatabaseWithDefaults() {
		this.db.enqueue(recorded("create-database"));
		this.template.createDatabase("oceanic_station");
		assertThat(this.db.takeBody()).isEqualTo("CREATE DATABASE \"oceanic_station\"");
	}

	@Test
	void createDatabaseWithEveryOption() {
		this.db.enqueue(recorded("create-database-every-option"), recorded("create-database-ttl-and-vnode-duration"));
		this.template.createDatabase("Oceanic",
				DatabaseOptions.defaults()
					.ifNotExists()
					.ttl("180d")
					.shard(6)
					.vnodeDuration("2y1M")
					.replica(1)
					.precision(CnosPrecision.US));
		this.template.createDatabase("oceanic_station",
				DatabaseOptions.defaults().ttl(Duration.ofDays(30).plusHours(12)).vnodeDuration(Duration.ofDays(7)));
		assertThat(this.db.takeBody()).isEqualTo("CREATE DATABASE IF NOT EXISTS \"Oceanic\" WITH TTL '180d' SHARD 6 "
				+ "VNODE_DURATION '2y1M' REPLICA 1 PRECISION 'us'");
		assertThat(this.db.takeBody())
			.isEqualTo("CREATE DATABASE \"oceanic_station\" WITH TTL '732h' VNODE_DURATION '7d'");
	}

	@Test
	void createExistingDatabaseIsDataIntegrityViolation() {
		this.db.enqueue(recorded("create-existing-database"));
		assertThatExceptionOfType(CnosDataIntegrityViolationException.class)
			.isThrownBy(() -> this.template.createDatabase("x"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("030018"));
	}

	@Test
	void dropDatabase() {
		this.db.enqueue(recorded("drop-database"), recorded("drop-database-if-exists"),
				recorded("drop-missing-database"));
		this.template.dropDatabase("a\"b");
		this.template.dropDatabaseIfExists("x\"; DROP DATABASE y; --");
		assertThatExceptionOfType(CnosObjectNotFoundException.class)
			.isThrownBy(() -> this.template.dropDatabase("nope"));
		assertThat(this.db.takeBody()).isEqualTo("DROP DATABASE \"a\"\"b\"");
		assertThat(this.db.takeBody()).isEqualTo("DROP DATABASE IF EXISTS \"x\"\"; DROP DATABASE y; --\"");
	}

	@Test
	void listDatabasesParsesDatabaseName() {
		this.db.enqueue(recorded("show-databases"));
		assertThat(this.template.listDatabases()).containsExactly("cluster_schema", "public", "usage_schema");
		assertThat(this.db.takeBody()).isEqualTo("SHOW DATABASES");
	}

	@Test
	void listTablesParsesTableNameInTheTemplatesDatabase() {
		this.db.enqueue(recorded("show-tables"));
		assertThat(this.template.withDatabase("oceanic_station").listTables()).containsExactly("air", "sea");
		RecordedRequest request = this.db.takeRequest();
		assertThat(request.getBody().utf8()).isEqualTo("SHOW TABLES");
		assertThat(request.getUrl().queryParameter("db")).isEqualTo("oceanic_station");
	}

	@Test
	void createTableWithCodecsAndTags() {
		this.db.enqueue(recorded("create-table-with-codecs-and-tags"), recorded("create-table"));
		this.template.createTable(TableDefinition.builder("air")
			.field("visibility", FieldType.DOUBLE)
			.field("pressure", FieldType.DOUBLE, Codec.GORILLA)
			.field("count", FieldType.BIGINT_UNSIGNED, Codec.DELTA)
			.field("note", FieldType.STRING, Codec.ZSTD)
			.field("ok", FieldType.BOOLEAN, Codec.BITPACK)
			.tags("station", "Region")
			.ifNotExists()
			.build());
		this.template.createTable(TableDefinition.builder("plain").field("column1", FieldType.BIGINT).build());
		assertThat(this.db.takeBody()).isEqualTo("CREATE TABLE IF NOT EXISTS \"air\" (\"visibility\" DOUBLE, "
				+ "\"pressure\" DOUBLE CODEC(GORILLA), \"count\" BIGINT UNSIGNED CODEC(DELTA), "
				+ "\"note\" STRING CODEC(ZSTD), \"ok\" BOOLEAN CODEC(BITPACK), TAGS(\"station\", \"Region\"))");
		assertThat(this.db.takeBody()).isEqualTo("CREATE TABLE \"plain\" (\"column1\" BIGINT)");
	}

	@Test
	void dropTable() {
		this.db.enqueue(recorded("drop-table"), recorded("drop-table-if-exists"));
		this.template.dropTable("air");
		this.template.dropTableIfExists("air");
		assertThat(this.db.takeBody()).isEqualTo("DROP TABLE \"air\"");
		assertThat(this.db.takeBody()).isEqualTo("DROP TABLE IF EXISTS \"air\"");
	}

	@Test
	void dropTableIfExistsToldTheTableIsNotFoundSucceedsWhenTheTableIsNotListed() {
		// CnosDB's answer to IF EXISTS just after the table was dropped.
		this.db.enqueue(handWritten("drop-table-if-exists-after-drop"), recorded("show-tables-empty"));
		this.template.dropTableIfExists("air");
		assertThat(this.db.takeBody()).isEqualTo("DROP TABLE IF EXISTS \"air\"");
		assertThat(this.db.takeBody()).isEqualTo("SHOW TABLES");
	}

	@Test
	void dropTableIfExistsToldTheTableIsNotFoundFailsWhileTheTableIsListed() {
		this.db.enqueue(handWritten("drop-table-if-exists-after-drop"), recorded("show-tables"));
		assertThatExceptionOfType(CnosObjectNotFoundException.class)
			.isThrownBy(() -> this.template.dropTableIfExists("air"))
			.withMessageContaining("Table not found")
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("030019"));
		assertThat(this.db.takeBody()).isEqualTo("DROP TABLE IF EXISTS \"air\"");
		assertThat(this.db.takeBody()).isEqualTo("SHOW TABLES");
	}

	@Test
	void dropTableIfExistsToldTheTableIsNotFoundKeepsTheRefusalWhenTheListingFails() {
		// The listing fails on the network, not with an answer CnosDB would not give it.
		this.db.enqueue(handWritten("drop-table-if-exists-after-drop"),
				new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
		assertThatExceptionOfType(CnosObjectNotFoundException.class)
			.isThrownBy(() -> this.template.dropTableIfExists("air"))
			.withMessageContaining("Table not found: \"air\"")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(1));
	}

	@Test
	void describeTableParsesItsColumns() {
		this.db.enqueue(recorded("describe-table"));
		// Time first, then tags, then fields in the order of CREATE TABLE.
		assertThat(this.template.describeTable("air")).containsExactly(
				new TableColumn("time", "TIMESTAMP(NANOSECOND)", "TIME", "DEFAULT"),
				new TableColumn("station", "STRING", "TAG", "DEFAULT"),
				new TableColumn("humidity", "DOUBLE", "FIELD", "DEFAULT"),
				new TableColumn("pressure", "DOUBLE", "FIELD", "GORILLA"),
				new TableColumn("total", "BIGINT UNSIGNED", "FIELD", "DELTA"));
		assertThat(this.db.takeBody()).isEqualTo("DESCRIBE TABLE \"air\"");
	}

	@Test
	void describeTableColumnKinds() {
		this.db.enqueue(recorded("describe-table-millisecond"));
		var columns = this.template.describeTable("air");
		assertThat(columns).extracting(TableColumn::name).containsExactly("time", "station", "v");
		assertThat(columns.get(0).isTime()).isTrue();
		assertThat(columns.get(0).dataType()).isEqualTo("TIMESTAMP(MILLISECOND)");
		assertThat(columns.get(1).isTag()).isTrue();
		assertThat(columns.get(2).isField()).isTrue();
	}

	@Test
	void users() {
		this.db.enqueue(recorded("create-user"), recorded("alter-user-password"), recorded("drop-user"),
				recorded("drop-user-if-exists"));
		this.template.createUser("alice", "p'w");
		this.template.alterUserPassword("alice", "new\\pw");
		this.template.dropUser("alice");
		this.template.dropUserIfExists("Bob");
		assertThat(this.db.takeBody()).isEqualTo("CREATE USER \"alice\" WITH PASSWORD = 'p''w'");
		assertThat(this.db.takeBody()).isEqualTo("ALTER USER \"alice\" SET PASSWORD = 'new\\pw'");
		assertThat(this.db.takeBody()).isEqualTo("DROP USER \"alice\"");
		assertThat(this.db.takeBody()).isEqualTo("DROP USER IF EXISTS \"Bob\"");
	}

	@Test
	void invalidNamesFailBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.createDatabase("db/1"))
			.withMessageContaining("db/1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.createDatabase("  "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.template
			.createTable(TableDefinition.builder("cpu/load").field("v", FieldType.DOUBLE).build()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.createUser("alice", null));
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void namesOfExistingObjectsAreSentAsTheServerLooksThemUp() {
		// Refuse only what the server refuses: it answers DROP TABLE "cpu/load" with
		// 030019
		// and keeps control characters in quoted names.
		this.db.enqueue(recorded("drop-table-if-exists"), recorded("drop-database-if-exists"), recorded("create-user"));
		this.template.dropTableIfExists("cpu/load");
		this.template.dropDatabaseIfExists("a\nb");
		this.template.createUser("a\tb", "x");
		assertThat(this.db.takeBody()).isEqualTo("DROP TABLE IF EXISTS \"cpu/load\"");
		assertThat(this.db.takeBody()).isEqualTo("DROP DATABASE IF EXISTS \"a\nb\"");
		assertThat(this.db.takeBody()).isEqualTo("CREATE USER \"a\tb\" WITH PASSWORD = 'x'");
	}

	@Test
	void unpairedSurrogatesFailBeforeSending() {
		// Each was sent as '?': dropDatabaseIfExists("\uD800") dropped the database named
		// "?".
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.dropDatabaseIfExists("\uD800"))
			.withMessageContaining("Invalid database name")
			.withMessageContaining("unpaired surrogate (one at index 0)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.dropTable("t\uDC00"))
			.withMessageContaining("Invalid table name")
			.withMessageContaining("index 1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.createUser("alice", "pw\uD800"))
			.withMessageContaining("Invalid string literal")
			.withMessageContaining("index 2")
			.withMessageNotContaining("pw");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.withDatabase("\uD800"))
			.withMessageContaining("Invalid database name");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.withTenant("x\uD800y"))
			.withMessageContaining("Invalid tenant name");
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void withDatabaseAndWithTenantChangeOnlyTheParameters() {
		this.db.enqueue(recorded("drop-table"), recorded("drop-table"), recorded("drop-table"));
		CnosTemplate other = this.template.withDatabase("oceanic").withTenant("tenant_a");
		other.execute("DROP TABLE air");
		this.template.execute("DROP TABLE air");
		this.template.withTenant("t2").execute("DROP TABLE air");
		assertThat(this.template.getDatabase()).isEqualTo("public");
		assertThat(this.template.getTenant()).isEqualTo("cnosdb");
		assertThat(other.getDatabase()).isEqualTo("oceanic");
		assertThat(other.getTenant()).isEqualTo("tenant_a");
		RecordedRequest first = this.db.takeRequest();
		RecordedRequest second = this.db.takeRequest();
		RecordedRequest third = this.db.takeRequest();
		assertThat(first.getUrl().queryParameter("db")).isEqualTo("oceanic");
		assertThat(first.getUrl().queryParameter("tenant")).isEqualTo("tenant_a");
		assertThat(second.getUrl().queryParameter("db")).isEqualTo("public");
		assertThat(second.getUrl().queryParameter("tenant")).isEqualTo("cnosdb");
		assertThat(third.getUrl().queryParameter("db")).isEqualTo("public");
		assertThat(third.getUrl().queryParameter("tenant")).isEqualTo("t2");
		for (RecordedRequest request : new RecordedRequest[] { first, second, third }) {
			assertThat(request.getBody().utf8()).isEqualTo("DROP TABLE air");
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic cm9vdDo=");
			assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/sql");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.withDatabase("a/b"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.withTenant(" "));
	}

}

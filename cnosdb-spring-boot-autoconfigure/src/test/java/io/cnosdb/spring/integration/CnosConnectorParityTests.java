package io.cnosdb.spring.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.csv.CsvImportResult;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.ddl.FieldType;
import io.cnosdb.spring.core.ddl.TableDefinition;
import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.testsupport.CnosDbServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The starter's equivalent of each documented operation of CnosDB's Python connector
 * ({@code cnos-connector} 0.1.9), run against a real CnosDB, in the order of
 * {@code src/test/python/cnos_connector_parity.py}, which runs the connector's own calls
 * against the same server. The README's "Coming from cnos-connector" table comes from the
 * two runs; each assertion here is a difference the table names.
 */
class CnosConnectorParityTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private final String mixedCase = "Parity" + CnosDbServer.uniqueName("Db");

	private final String database = CnosDbServer.uniqueName("parity_ttl");

	private final CnosTemplate cnos = cnosdb.template();

	@AfterEach
	void dropDatabases() {
		this.cnos.dropDatabaseIfExists(this.mixedCase);
		this.cnos.dropDatabaseIfExists(this.database);
	}

	@Test
	void everyConnectorOperationHasAnEquivalent(@TempDir Path directory) throws IOException {
		// execute("SHOW DATABASES") and list_database(): names, not dicts of names.
		assertThat(this.cnos.listDatabases()).contains("public");
		assertThat(this.cnos.queryForList("SHOW DATABASES", String.class)).contains("public");

		// create_database("ParityDb") creates "paritydb" (unquoted, lower-cased); the
		// name is kept here.
		this.cnos.createDatabase(this.mixedCase);
		assertThat(this.cnos.listDatabases()).contains(this.mixedCase)
			.doesNotContain(this.mixedCase.toLowerCase(java.util.Locale.ROOT));

		// create_database_with_ttl(name, "30d"); the connector logs and returns {} for
		// "1.5d"
		// and for a second create; here both fail, the first before anything is sent.
		this.cnos.createDatabase(this.database, DatabaseOptions.defaults().ttl("30d"));
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseOptions.defaults().ttl("1.5d"));
		assertThatExceptionOfType(CnosDataIntegrityViolationException.class)
			.isThrownBy(() -> this.cnos.createDatabase(this.database))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("030018"));

		// switch_database(name): a new immutable template instead of changing the
		// connection.
		CnosTemplate db = this.cnos.withDatabase(this.database);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long nanos = now.getEpochSecond() * 1_000_000_000L;

		// write_lines(lines): the same request; a bad line raises the server's code and
		// message.
		db.writeLines(List.of("air,station=XiaoMaiDao visibility=56,temperature=69,pressure=77 " + nanos,
				"air,station=XiaoMaiDao visibility=72,temperature=71,pressure=71 " + (nanos + 1000)));
		ServerFactsIntegrationTests.assertLineProtocolSyntaxError(cnosdb,
				() -> db.writeLines(List.of("air,station=a")));

		// execute("SELECT ..."): the connector gets JSON dicts with sorted keys and a
		// zoneless
		// time ("2026-12-01T03:38:57"); here the statement's column order and exact text.
		List<Map<String, Object>> rows = db.queryForList("SELECT time, visibility, station FROM air ORDER BY time");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).keySet()).containsExactly("time", "visibility", "station");
		assertThat(rows.get(0).get("time")).isEqualTo(now.toString().replace("Z", ".000000000"));

		// execute("INSERT ..."): [{"rows": 1}] there, the count here.
		assertThat(CnosClient.create(db)
			.sql("INSERT INTO air (time, station, visibility, temperature, pressure) VALUES (:t, 'XiaoMaiDao', 56, 69, 77)")
			.param("t", nanos + 2000)
			.update()).isEqualTo(1);

		// execute() of bad SQL or a missing table: logged and {} there, exceptions here.
		assertThatExceptionOfType(CnosBadSqlException.class).isThrownBy(() -> db.execute("SELEC 1"));
		assertThatExceptionOfType(CnosObjectNotFoundException.class)
			.isThrownBy(() -> db.execute("SELECT * FROM missing"));

		// list_table()
		assertThat(db.listTables()).containsExactly("air");

		// write_csv(table, path): the connector makes the server read the path (an
		// external
		// table) and fails on current servers (KeyError 'COLUMN_NAME'); here the client
		// reads
		// the file and sends line protocol typed by DESCRIBE TABLE.
		Path csv = directory.resolve("air.csv");
		Files.writeString(csv,
				"time,station,visibility,temperature,pressure\n" + now.plusSeconds(1) + ",LianYunGang,50,60,70\n");
		assertThat(db.writeCsv("air", csv)).isEqualTo(new CsvImportResult(1, 1));
		assertThat(db.queryForObject("SELECT count(*) FROM air", Long.class)).isEqualTo(4);

		// cursor().execute(sql, {"s": "it's"}): the connector escapes ' with a backslash
		// and the
		// statement fails; named parameters here render a literal CnosDB reads.
		assertThat(CnosClient.create(db)
			.sql("SELECT station FROM air WHERE station = :s")
			.param("s", "it's")
			.query(String.class)
			.list()).isEmpty();
		assertThat(CnosClient.create(db)
			.sql("SELECT station, visibility FROM air WHERE station = :s ORDER BY time")
			.param("s", "XiaoMaiDao")
			.query((row, n) -> List.of(row.getString(0), row.getDouble(1)))
			.list()).first().isEqualTo(List.of("XiaoMaiDao", 56.0));

		// create_user(user, "'pw'") needs the caller to quote the password; here it is
		// quoted.
		String user = CnosDbServer.uniqueName("parity_user");
		this.cnos.createUser(user, "it's a pw");
		this.cnos.dropUser(user);

		// drop_table(name); create_table has no connector equivalent (execute raw SQL
		// there).
		db.dropTable("air");
		db.createTable(TableDefinition.builder("air").field("temperature", FieldType.DOUBLE).tags("station").build());
		assertThat(db.listTables()).containsExactly("air");

		// drop_database(missing): logged and {} there.
		assertThatExceptionOfType(CnosObjectNotFoundException.class)
			.isThrownBy(() -> this.cnos.dropDatabase(CnosDbServer.uniqueName("parity_missing")));
	}

}

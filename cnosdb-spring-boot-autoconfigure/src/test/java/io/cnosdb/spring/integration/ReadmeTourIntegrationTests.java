package io.cnosdb.spring.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosDataClassRowMapper;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.result.CnosRow;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.csv.CsvImportOptions;
import io.cnosdb.spring.core.csv.CsvImportResult;
import io.cnosdb.spring.core.ddl.Codec;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.ddl.FieldType;
import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.ddl.TableDefinition;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;
import io.cnosdb.spring.core.write.annotation.Tag;
import io.cnosdb.spring.core.write.annotation.Timestamp;
import io.cnosdb.spring.testsupport.CnosDbServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's API tour, statement by statement as the README writes it, against a real
 * CnosDB: what a new user copies must work. Only the database name differs (a name of its
 * own, so a shared server keeps its data); the README says {@code oceanic_station}.
 */
class ReadmeTourIntegrationTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private static final String OCEANIC_STATION = CnosDbServer.uniqueName("oceanic_station");

	private final CnosTemplate template = cnosdb.template();

	private final List<Object> processed = new ArrayList<>();

	record Reading(Instant time, String station, double temperature) {
	}

	@Measurement("air")
	record Air(@Tag String station, @Field("vis") double visibility, @Field Long count, @Timestamp Instant time) {
	}

	@AfterEach
	void dropDatabase() {
		this.template.dropDatabaseIfExists(OCEANIC_STATION);
	}

	@Test
	void theTourRunsAsWritten(@TempDir Path directory) throws IOException {
		CnosTemplate cnos = this.template;

		// DDL helpers
		cnos.createDatabase(OCEANIC_STATION,
				DatabaseOptions.defaults()
					.ifNotExists()
					.ttl(Duration.ofDays(3650))
					.shard(1)
					.vnodeDuration("7d")
					.replica(1)
					.precision(CnosPrecision.NS));
		assertThat(cnos.listDatabases()).contains(OCEANIC_STATION);
		String old = CnosDbServer.uniqueName("old");
		cnos.createDatabase(old);
		cnos.dropDatabase(old);
		cnos.dropDatabaseIfExists(old);
		CnosTemplate ocean = this.template.withDatabase(OCEANIC_STATION);
		ocean.createTable(TableDefinition.builder("air")
			.field("visibility", FieldType.DOUBLE)
			.field("temperature", FieldType.DOUBLE, Codec.GORILLA)
			.field("pressure", FieldType.DOUBLE)
			.tags("station")
			.ifNotExists()
			.build());
		assertThat(ocean.listTables()).containsExactly("air");
		List<TableColumn> columns = ocean.describeTable("air");
		assertThat(columns).extracting(TableColumn::name)
			.containsExactlyInAnyOrder("time", "station", "visibility", "temperature", "pressure");
		String reporter = CnosDbServer.uniqueName("reporter");
		cnos.createUser(reporter, "s3cret");
		cnos.alterUserPassword(reporter, "n3w-s3cret");
		cnos.dropUser(reporter);
		cnos.dropUserIfExists(reporter);

		// Writes
		ocean.writeLines(
				List.of("air,station=XiaoMaiDao visibility=56.0,temperature=69.0,pressure=77.0 1666165200290401000"));
		ocean.writeLines(
				List.of("air,station=LianYunGang visibility=50.0,temperature=60.0,pressure=70.0 1666165200291"),
				CnosPrecision.MS);
		ocean.write(Point.measurement("air")
			.tag("station", "XiaoMaiDao")
			.field("visibility", 56.0)
			.field("count", 3L)
			.time(Instant.parse("2022-10-19T07:40:00.290401Z")));
		ocean.write(CnosPrecision.MS,
				List.of(Point.measurement("air")
					.tag("station", "DaLian")
					.field("visibility", 1.0)
					.time(Instant.parse("2022-10-19T07:41:00Z"))));
		ocean.writeObjects(new Air("XiaoMaiDao", 56.0, null, Instant.now()));
		ocean.writeObjects(List.of(new Air("LianYunGang", 12.5, 7L, Instant.now().minusSeconds(1))));
		Path csv = directory.resolve("air.csv");
		Files.writeString(csv, "time,station,temperature,pressure\n2022-10-19T07:45:00Z,XiaoMaiDao,21.75,1011.5\n");
		CsvImportResult result = ocean.writeCsv("air", csv);
		assertThat(result.rowsWritten()).isOne();
		Files.writeString(csv, "time,station,temperature\n1666165560000,DaLian,15.25\n");
		ocean.writeCsv("air", csv, CsvImportOptions.defaults().withBatchSize(50_000).withPrecision(CnosPrecision.MS));

		// Queries (on the oceanic_station database, as the tour's "cnos" addresses it)
		cnos = ocean;
		cnos.execute("CREATE DATABASE IF NOT EXISTS " + OCEANIC_STATION);
		List<Map<String, Object>> rows = cnos.queryForList("SELECT * FROM air");
		// Seven, not eight: the Point has the series and time of the first line, and
		// CnosDB merges the two into one row.
		assertThat(rows).hasSize(7);
		List<Reading> readings = cnos.query("SELECT time, station, temperature FROM air WHERE temperature IS NOT NULL",
				new CnosDataClassRowMapper<>(Reading.class));
		assertThat(readings).extracting(Reading::temperature).contains(69.0, 60.0, 21.75, 15.25);
		Long count = cnos.queryForObject("SELECT count(*) FROM air", Long.class);
		assertThat(count).isEqualTo(7);
		List<String> stations = cnos.queryForList("SELECT DISTINCT station FROM air", String.class);
		assertThat(stations).containsExactlyInAnyOrder("XiaoMaiDao", "LianYunGang", "DaLian");
		List<String> names = cnos.query("SELECT station FROM air", (row, n) -> row.getString("station"));
		assertThat(names).contains("XiaoMaiDao", "LianYunGang", "DaLian");
		cnos.query("SELECT * FROM air", row -> process(row));
		assertThat(this.processed).hasSize(7);
		try (Stream<Reading> stream = cnos.queryForStream(
				"SELECT time, station, temperature FROM air WHERE temperature IS NOT NULL",
				new CnosDataClassRowMapper<>(Reading.class))) {
			stream.forEach(this::process);
		}
		assertThat(this.processed).hasSize(11);

		// Named parameters
		CnosClient client = CnosClient.create(this.template).withDatabase(OCEANIC_STATION);
		List<Reading> selected = client.sql(
				"SELECT time, station, temperature FROM air WHERE station IN (:stations) AND time >= :from AND temperature IS NOT NULL")
			.param("stations", List.of("XiaoMaiDao", "LianYunGang"))
			.param("from", Instant.parse("2022-01-01T00:00:00Z"))
			.query(Reading.class)
			.list();
		assertThat(selected).extracting(Reading::station).containsOnly("XiaoMaiDao", "LianYunGang").hasSize(3);
		long written = client.sql("INSERT INTO air (time, station, temperature) VALUES (:t, :s, :v)")
			.params(Map.of("t", Instant.now(), "s", "XiaoMaiDao", "v", 21.5))
			.update();
		assertThat(written).isOne();

		// And the DDL helpers that drop
		ocean.dropTable("air");
		ocean.dropTableIfExists("air");
		assertThat(ocean.listTables()).isEmpty();
	}

	private void process(Object row) {
		this.processed.add((row instanceof CnosRow cnosRow) ? cnosRow.getString(0) : row);
	}

}

package io.cnosdb.spring.integration;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosDataClassRowMapper;
import io.cnosdb.spring.core.CnosRowWriter;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.ddl.Codec;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.ddl.FieldType;
import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.ddl.TableDefinition;
import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.CnosDbServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The template end to end against a real CnosDB: the server named by {@code CNOSDB_URL},
 * or the {@code cnosdb/cnosdb} image where Docker answers; skipped, with the reason on
 * the console, with neither ({@link CnosDbServer}).
 */
class CnosTemplateIntegrationTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private static final String DATABASE = CnosDbServer.uniqueName("oceanic_station");

	/**
	 * A time inside the databases' TTL: CnosDB refuses older points (030034 "create
	 * expired bucket"), such as the first nanoseconds after 1970.
	 */
	private static final long NOW_NANOS = Instant.now().getEpochSecond() * 1_000_000_000L;

	private CnosTemplate cnos;

	private CnosTemplate ocean;

	/** A reading of the {@code air} table, mapped by column name. */
	record Air(Instant time, String station, double visibility, Double temperature, Double pressure) {
	}

	@BeforeEach
	void createDatabaseAndTable() {
		this.cnos = cnosdb.template();
		this.cnos.createDatabase(DATABASE,
				DatabaseOptions.defaults().ifNotExists().ttl(Duration.ofDays(3650)).shard(1).vnodeDuration("7d"));
		this.ocean = this.cnos.withDatabase(DATABASE);
		this.ocean.createTable(TableDefinition.builder("air")
			.field("visibility", FieldType.DOUBLE)
			.field("temperature", FieldType.DOUBLE, Codec.GORILLA)
			.field("pressure", FieldType.DOUBLE)
			.tags("station")
			.ifNotExists()
			.build());
	}

	@AfterEach
	void dropDatabase() {
		this.cnos.dropDatabaseIfExists(DATABASE);
	}

	@Test
	void databasesAndTablesAreListedAndDescribed() {
		assertThat(this.cnos.listDatabases()).contains("public", DATABASE);
		assertThat(this.ocean.listTables()).containsExactly("air");
		assertThat(this.ocean.describeTable("air")).extracting(TableColumn::name, TableColumn::columnType)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("time", "TIME"),
					org.assertj.core.groups.Tuple.tuple("station", "TAG"),
					org.assertj.core.groups.Tuple.tuple("visibility", "FIELD"),
					org.assertj.core.groups.Tuple.tuple("temperature", "FIELD"),
					org.assertj.core.groups.Tuple.tuple("pressure", "FIELD"));
		assertThat(this.ocean.describeTable("air")).filteredOn(TableColumn::isField)
			.extracting(TableColumn::dataType)
			.containsOnly("DOUBLE");
	}

	@Test
	void writtenLinesAreReadBackExactly() {
		this.ocean.writeLines(
				List.of("air,station=XiaoMaiDao visibility=56.0,temperature=69.0,pressure=77.0 1666165200290401000",
						"air,station=007 visibility=50.5,temperature=-1.25,pressure=78.0 1666165200290401001"));

		List<Air> rows = this.ocean.query("SELECT * FROM air ORDER BY time", new CnosDataClassRowMapper<>(Air.class));
		assertThat(rows).containsExactly(
				new Air(Instant.ofEpochSecond(1666165200L, 290401000L), "XiaoMaiDao", 56.0, 69.0, 77.0),
				new Air(Instant.ofEpochSecond(1666165200L, 290401001L), "007", 50.5, -1.25, 78.0));

		List<Map<String, Object>> maps = this.ocean.queryForList("SELECT station, visibility FROM air ORDER BY time");
		assertThat(maps).containsExactly(Map.of("station", "XiaoMaiDao", "visibility", "56.0"),
				Map.of("station", "007", "visibility", "50.5"));
		assertThat(maps.get(0).keySet()).containsExactly("station", "visibility");

		Long count = this.ocean.queryForObject("SELECT count(*) FROM air", Long.class);
		assertThat(count).isEqualTo(2L);

		try (Stream<String> stations = this.ocean.queryForStream("SELECT station FROM air ORDER BY time",
				(row, rowNumber) -> row.getString("station"))) {
			assertThat(stations).containsExactly("XiaoMaiDao", "007");
		}
	}

	@Test
	void rowsWrittenWithoutPointsAreReadBackExactly() {
		try (CnosRowWriter rows = this.ocean.rows()) {
			rows.row("air")
				.tag("station", "XiaoMaiDao")
				.field("visibility", 56.0)
				.field("temperature", 69.0)
				.field("pressure", 77.0)
				.at(NOW_NANOS, CnosPrecision.NS);
			rows.row("air")
				.tag("station", "a b,c=d")
				.field("visibility", 50.5)
				.field("temperature", -1.25)
				.field("pressure", 78.0)
				.at(Instant.ofEpochSecond(0, NOW_NANOS + 1));
		}
		List<Air> rows = this.ocean.query("SELECT * FROM air ORDER BY time", new CnosDataClassRowMapper<>(Air.class));
		assertThat(rows).containsExactly(new Air(Instant.ofEpochSecond(0, NOW_NANOS), "XiaoMaiDao", 56.0, 69.0, 77.0),
				new Air(Instant.ofEpochSecond(0, NOW_NANOS + 1), "a b,c=d", 50.5, -1.25, 78.0));
	}

	@Test
	void parametersAreBoundAsLiterals() {
		this.ocean.writeLines(List.of("air,station=it's visibility=1.0,temperature=2.0,pressure=3.0 " + NOW_NANOS),
				CnosPrecision.NS);
		List<Air> rows = CnosClient.create(this.ocean)
			.sql("SELECT * FROM air WHERE station = :station AND time >= :from")
			.param("station", "it's")
			.param("from", Instant.ofEpochSecond(NOW_NANOS / 1_000_000_000L - 60))
			.query(Air.class)
			.list();
		assertThat(rows).singleElement().extracting(Air::station).isEqualTo("it's");
		assertThat(CnosClient.create(this.ocean)
			.sql("SELECT * FROM air WHERE station = :station")
			.param("station", "x' OR '1'='1")
			.query(Air.class)
			.optional()).isEmpty();
	}

	@Test
	void insertReportsItsRowCountAndSpecialValuesSurvive() {
		long inserted = CnosClient.create(this.ocean)
			.sql("INSERT INTO air (time, station, visibility, temperature, pressure) VALUES (:time, :station, :v, :t, :p)")
			.param("time", NOW_NANOS)
			.param("station", "nan")
			.param("v", Double.NaN)
			.param("t", Double.POSITIVE_INFINITY)
			.param("p", Double.NEGATIVE_INFINITY)
			.update();
		assertThat(inserted).isEqualTo(1);
		Air air = CnosClient.create(this.ocean)
			.sql("SELECT * FROM air WHERE station = 'nan'")
			.query(Air.class)
			.single();
		assertThat(air.visibility()).isNaN();
		assertThat(air.temperature()).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(air.pressure()).isEqualTo(Double.NEGATIVE_INFINITY);
	}

	@Test
	void unsignedValuesAboveLongMaxSurvive() {
		this.ocean.writeLines(List.of("counters,host=a total=18446744073709551615u " + NOW_NANOS));
		assertThat(this.ocean.queryForObject("SELECT total FROM counters", BigInteger.class))
			.isEqualTo(new BigInteger("18446744073709551615"));
	}

	@Test
	void failuresAreTranslated() {
		assertThatExceptionOfType(CnosObjectNotFoundException.class)
			.isThrownBy(() -> this.ocean.execute("SELECT * FROM missing"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("010001"));
		assertThatExceptionOfType(CnosObjectNotFoundException.class)
			.isThrownBy(() -> this.ocean.describeTable("missing"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("030019"));
		assertThatExceptionOfType(CnosBadSqlException.class).isThrownBy(() -> this.ocean.execute("1;"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("010009"));
		assertThatExceptionOfType(CnosDataIntegrityViolationException.class)
			.isThrownBy(() -> this.cnos.createDatabase(DATABASE));
		ServerFactsIntegrationTests.assertLineProtocolSyntaxError(cnosdb,
				() -> this.ocean.writeLines(List.of("air,station=a")));
	}

	@Test
	void usersAreCreatedChangedAndDropped() {
		String user = "sample_user";
		this.cnos.dropUserIfExists(user);
		this.cnos.createUser(user, "pa'ss");
		this.cnos.alterUserPassword(user, "n3w'pass");
		assertThat(this.cnos.queryForList("SELECT user_name FROM cluster_schema.users", String.class)).contains(user);
		this.cnos.dropUser(user);
		assertThat(this.cnos.queryForList("SELECT user_name FROM cluster_schema.users", String.class))
			.doesNotContain(user);
	}

	@Test
	void tablesAreDropped() {
		this.ocean.dropTable("air");
		assertThat(this.ocean.listTables()).isEmpty();
		this.ocean.dropTableIfExists("air");
	}

	@Test
	void autoConfiguredTemplateReachesTheServer() {
		CnosDbContextRunners.application()
			.withPropertyValues(cnosdb.properties())
			.withPropertyValues("cnosdb.database=" + DATABASE)
			.run((context) -> assertThat(context.getBean(CnosTemplate.class).listTables()).contains("air"));
	}

}

package io.cnosdb.spring.sample;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every readings endpoint and every kind of bad input, with the template talking to a
 * loopback server that answers as CnosDB does; the SQL and line protocol actually sent
 * are checked, and so is that nothing is sent for input refused up front.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadingsApiTests {

	@RegisterExtension
	static final FakeCnosDb cnosdb = new FakeCnosDb();

	private static final String NO_FILE = "No CSV file: upload one as the field 'file' of a multipart/form-data "
			+ "request, such as curl -F file=@air.csv";

	@Value("${local.server.port}")
	private int port;

	private SampleApi app;

	private int mark;

	@DynamicPropertySource
	static void cnosdbUrl(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", cnosdb::url);
	}

	@BeforeEach
	void connect() {
		this.app = new SampleApi(this.port);
		this.mark = cnosdb.mark();
	}

	@AfterEach
	void forgetUnusedAnswers() {
		cnosdb.clearRules();
	}

	private List<String> statements() {
		return cnosdb.statementsSince(this.mark);
	}

	private List<FakeCnosDb.Call> writes() {
		return cnosdb.writesSince(this.mark);
	}

	/**
	 * A problem a user can read: the status, a problem-details body, and no trace of the
	 * Java underneath (exception or class names, Jackson's or the JDK's wording).
	 */
	private static void assertPlainProblem(SampleApi.Answer answer, int status) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.detail()).isNotBlank();
		assertThat(answer.text()).doesNotContain("Exception", "java.", "tools.jackson", "\tat ", "Cannot construct",
				"Cannot deserialize", "ParseCaseSensitive");
	}

	@Test
	void startupCreatesTheDatabaseWithATtlAndTheTable() {
		List<FakeCnosDb.Call> startup = cnosdb.callsSince(0);
		// The schema script runs before the beans that use CnosDB, so before the startup
		// check lists the databases.
		assertThat(startup).extracting(FakeCnosDb.Call::body)
			.containsSubsequence("CREATE DATABASE IF NOT EXISTS \"oceanic_station\" WITH TTL '30d'",
					"CREATE TABLE IF NOT EXISTS air (\n    visibility DOUBLE,\n    temperature DOUBLE,\n"
							+ "    pressure DOUBLE,\n    TAGS(station)\n)",
					"SHOW DATABASES");
		// Both run in the sample's database: CnosDB runs CREATE DATABASE in a database
		// that does not exist yet.
		assertThat(startup).filteredOn((call) -> call.body().startsWith("CREATE "))
			.hasSize(2)
			.extracting(FakeCnosDb.Call::database)
			.containsOnly("oceanic_station");
	}

	// POST /api/readings

	@Test
	void writesOneReadingAsAPoint() {
		SampleApi.Answer answer = this.app.postJson("/api/readings", """
				{"time": "2022-10-19T07:40:00.290401Z", "station": "XiaoMaiDao",
				 "visibility": 56.0, "temperature": 69.0, "pressure": 77.0}""");
		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.text()).isEqualTo("{\"written\":1}");
		assertThat(writes()).singleElement().satisfies((write) -> {
			assertThat(write.database()).isEqualTo("oceanic_station");
			assertThat(write.precision()).isEqualTo("ns");
			assertThat(write.body()).isEqualTo(
					"air,station=XiaoMaiDao visibility=56.0,temperature=69.0,pressure=77.0 1666165200290401000\n");
		});
		assertThat(statements()).isEmpty();
	}

	@Test
	void writesAListInOneRequestAndStampsReadingsWithoutATime() {
		long before = System.currentTimeMillis() * 1_000_000L;
		SampleApi.Answer answer = this.app.postJson("/api/readings", """
				[{"time": "2024-05-01T08:00:00Z", "station": "LianYunGang", "temperature": 21.5},
				 {"station": "DaLian", "pressure": 1012.25}]""");
		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.json().path("written").asInt()).isEqualTo(2);
		assertThat(writes()).singleElement().satisfies((write) -> {
			String[] lines = write.body().split("\n");
			assertThat(lines).hasSize(2);
			assertThat(lines[0]).isEqualTo("air,station=LianYunGang temperature=21.5 1714550400000000000");
			assertThat(lines[1]).startsWith("air,station=DaLian pressure=1012.25 ");
			assertThat(Long.parseLong(lines[1].substring(lines[1].lastIndexOf(' ') + 1)))
				.isGreaterThanOrEqualTo(before);
		});
	}

	@Test
	void refusesABadStationAndWritesNothingOfTheList() {
		SampleApi.Answer answer = this.app.postJson("/api/readings", """
				[{"station": "XiaoMaiDao", "temperature": 20.0},
				 {"station": "Xiao Mai Dao; DROP", "temperature": 21.0}]""");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("title").asString()).isEqualTo("Bad request");
		assertThat(answer.detail())
			.isEqualTo("station 'Xiao Mai Dao; DROP' is not a station name: use 1 to 64 letters, digits, '_' or '-'");
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void refusesAReadingWithoutValuesOrStation() {
		SampleApi.Answer noValue = this.app.postJson("/api/readings", "{\"station\": \"XiaoMaiDao\"}");
		assertThat(noValue.status()).isEqualTo(400);
		assertThat(noValue.detail())
			.isEqualTo("reading 1 has no value: give at least one of visibility, temperature and pressure");
		SampleApi.Answer noStation = this.app.postJson("/api/readings", "[{\"temperature\": 1.0}]");
		assertThat(noStation.status()).isEqualTo(400);
		assertThat(noStation.detail()).isEqualTo("reading 1 has no station");
		SampleApi.Answer none = this.app.postJson("/api/readings", "[]");
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.detail()).startsWith("No readings");
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aNullBodyIsABadRequestAndSendsNothing() {
		SampleApi.Answer answer = this.app.postJson("/api/readings", "null");
		assertPlainProblem(answer, 400);
		assertThat(answer.detail()).isEqualTo("No readings: send one reading or a non-empty list");
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aListItemOrBodyThatIsNotAnObjectIsABadRequest() {
		SampleApi.Answer nullItem = this.app.postJson("/api/readings",
				"[{\"station\": \"XiaoMaiDao\", \"temperature\": 1.0}, null]");
		assertPlainProblem(nullItem, 400);
		assertThat(nullItem.detail()).isEqualTo(
				"reading 2 is not a JSON object such as " + "{\"station\": \"XiaoMaiDao\", \"temperature\": 21.5}");
		SampleApi.Answer number = this.app.postJson("/api/readings", "42");
		assertPlainProblem(number, 400);
		assertThat(number.detail()).startsWith("reading 1 is not a JSON object");
		SampleApi.Answer nested = this.app.postJson("/api/readings", "[[{\"station\": \"XiaoMaiDao\"}]]");
		assertPlainProblem(nested, 400);
		assertThat(nested.detail()).startsWith("reading 1 is not a JSON object");
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void refusesJsonThatIsNotAReadingNamingThePropertyAndTheExpectedForm() {
		SampleApi.Answer wrongType = this.app.postJson("/api/readings",
				"{\"station\": \"XiaoMaiDao\", \"temperature\": \"warm\"}");
		assertPlainProblem(wrongType, 400);
		assertThat(wrongType.detail()).isEqualTo("reading 1: temperature must be a number such as 21.5, not \"warm\"");
		SampleApi.Answer badTime = this.app.postJson("/api/readings", """
				[{"station": "XiaoMaiDao", "temperature": 1.0},
				 {"time": "yesterday", "station": "XiaoMaiDao", "temperature": 2.0}]""");
		assertPlainProblem(badTime, 400);
		assertThat(badTime.detail())
			.isEqualTo("reading 2: time must be an ISO-8601 instant such as 2024-05-01T08:00:00Z, not \"yesterday\"");
		SampleApi.Answer objectStation = this.app.postJson("/api/readings",
				"{\"station\": {\"name\": \"XiaoMaiDao\"}, \"temperature\": 1.0}");
		assertPlainProblem(objectStation, 400);
		assertThat(objectStation.detail())
			.isEqualTo("reading 1: station must be a string such as \"XiaoMaiDao\", not {\"name\":\"XiaoMaiDao\"}");
		SampleApi.Answer broken = this.app.postJson("/api/readings", "{\"station\": ");
		assertPlainProblem(broken, 400);
		assertThat(broken.detail()).startsWith("The body is not valid JSON (line 1, column ")
			.endsWith(
					"): send one reading or a list of them, such as {\"station\": \"XiaoMaiDao\", \"temperature\": 21.5}");
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aTypeConflictRefusedByCnosDbIsABadRequest() {
		cnosdb.onWrite(recorded("field-type-conflict"));
		SampleApi.Answer answer = this.app.postJson("/api/readings",
				"{\"station\": \"XiaoMaiDao\", \"temperature\": 1.5}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.detail()).isEqualTo("CnosDB refused the data: Apply engine failed: DataSchemaError: "
				+ "Column 'temperature' type error, found F64 expected I64");
		assertThat(answer.json().path("errorCode").asString()).isEqualTo("050014");
	}

	@Test
	void aServerFailureIsABadGatewayNamingCnosDb() {
		cnosdb.onWrite(recorded("internal-server-error"));
		SampleApi.Answer answer = this.app.postJson("/api/readings",
				"{\"station\": \"XiaoMaiDao\", \"temperature\": 1.5}");
		assertThat(answer.status()).isEqualTo(502);
		assertThat(answer.json().path("title").asString()).isEqualTo("CnosDB failed");
		assertThat(answer.detail()).startsWith("CnosDB failed: ");
	}

	@Test
	void anOverloadedServerIsUnavailable() {
		cnosdb.onWrite(recorded("rate-limit"));
		SampleApi.Answer answer = this.app.postJson("/api/readings",
				"{\"station\": \"XiaoMaiDao\", \"temperature\": 1.5}");
		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.json().path("title").asString()).isEqualTo("CnosDB unavailable");
		assertThat(answer.detail()).contains("reached limit");
	}

	// POST /api/readings/csv

	@Test
	void importsACsvFileAndReportsTheRowsWritten() {
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "air.csv", """
				time,station,visibility,temperature,pressure
				2024-05-01T08:00:00Z,XiaoMaiDao,56,69,77
				2024-05-01T08:01:00Z,LianYunGang,,21.5,
				""");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("rowsWritten").asLong()).isEqualTo(2);
		assertThat(answer.json().path("batchesWritten").asLong()).isEqualTo(1);
		assertThat(statements()).containsExactly("DESCRIBE TABLE \"air\"");
		assertThat(writes()).singleElement().satisfies((write) -> {
			assertThat(write.database()).isEqualTo("oceanic_station");
			assertThat(write.body()).isEqualTo("air,station=XiaoMaiDao visibility=56.0,temperature=69.0,pressure=77.0 "
					+ "1714550400000000000\n" + "air,station=LianYunGang temperature=21.5 1714550460000000000\n");
		});
	}

	@Test
	void aMalformedCsvRowIsABadRequestSayingWhereAndThatNothingWasWritten() {
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "bad.csv", """
				time,station,temperature
				2024-05-01T08:00:00Z,XiaoMaiDao,69
				2024-05-01T08:01:00Z,XiaoMaiDao,warm
				""");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("title").asString()).isEqualTo("Bad CSV file");
		assertThat(answer.detail()).contains("bad.csv").contains("line 3");
		assertThat(answer.json().path("rowsWritten").asLong()).isZero();
		assertThat(answer.json().path("line").asLong()).isEqualTo(3);
		assertThat(writes()).isEmpty();
	}

	@Test
	void aCsvColumnThatIsNotInTheTableIsABadRequest() {
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "humid.csv",
				"time,station,humidity\n2024-05-01T08:00:00Z,XiaoMaiDao,80\n");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.detail()).contains("humidity");
		assertThat(writes()).isEmpty();
	}

	@Test
	void anEmptyUploadIsABadRequest() {
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "empty.csv", "");
		assertPlainProblem(answer, 400);
		assertThat(answer.detail()).startsWith("The uploaded file is empty");
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aCsvRowWithoutAStationIsRefusedBeforeAnythingIsSent() {
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "air.csv", """
				time,station,temperature
				2024-05-01T08:00:00Z,XiaoMaiDao,21.5
				2024-05-01T08:01:00Z,,22.0
				""");
		assertPlainProblem(answer, 400);
		assertThat(answer.json().path("title").asString()).isEqualTo("Bad CSV file");
		assertThat(answer.detail()).isEqualTo("Importing air.csv into table 'air' stopped at line 3: the row has no "
				+ "station, and every reading needs one (1 to 64 letters, digits, '_' or '-'); nothing was written "
				+ "(stations are checked before any row is sent)");
		assertThat(answer.json().path("line").asLong()).isEqualTo(3);
		assertThat(answer.json().path("rowsWritten").asLong()).isZero();
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aCsvStationThatIsNotAStationNameIsRefusedWithItsLine() {
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "air.csv", """
				\uFEFFstation,time,temperature

				"Xiao Mai Dao",2024-05-01T08:00:00Z,21.5
				""");
		assertPlainProblem(answer, 400);
		assertThat(answer.detail())
			.contains("stopped at line 3: station 'Xiao Mai Dao' is not a station name: use 1 to 64 "
					+ "letters, digits, '_' or '-'");
		assertThat(answer.json().path("line").asLong()).isEqualTo(3);
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aCsvFileWithoutAStationColumnIsRefused() {
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "air.csv",
				"time,temperature\n2024-05-01T08:00:00Z,21.5\n");
		assertPlainProblem(answer, 400);
		assertThat(answer.detail()).contains("stopped at line 1: the header has no 'station' column");
		assertThat(answer.json().path("line").asLong()).isEqualTo(1);
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aBadStationAfterAWholeBatchOfGoodRowsIsFoundBeforeTheFirstBatchIsSent() {
		// The importer sends 10,000 rows a batch as it reads: only a first pass over the
		// file can refuse
		// row 10,002 before rows 1 to 10,000 are written.
		StringBuilder csv = new StringBuilder("time,station,temperature\n");
		for (int i = 0; i < 10_001; i++) {
			csv.append("2024-05-01T08:00:00Z,XiaoMaiDao,").append(i % 30).append('\n');
		}
		csv.append("2024-05-01T09:00:00Z,Xiao'Mai,1\n");
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "big.csv", csv.toString());
		assertPlainProblem(answer, 400);
		assertThat(answer.json().path("line").asLong()).isEqualTo(10_003);
		assertThat(answer.json().path("rowsWritten").asLong()).isZero();
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void anUploadWithoutTheFilePartIsABadRequest() {
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "csv", "air.csv",
				"time,station,temperature\n2024-05-01T08:00:00Z,XiaoMaiDao,1\n");
		assertPlainProblem(answer, 400);
		assertThat(answer.detail()).isEqualTo(NO_FILE);
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aCsvBodyThatIsNotAMultipartUploadIsABadRequest() {
		SampleApi.Answer csv = this.app.post("/api/readings/csv", MediaType.valueOf("text/csv"),
				"time,station,temperature\n2024-05-01T08:00:00Z,XiaoMaiDao,1\n");
		assertPlainProblem(csv, 400);
		assertThat(csv.detail()).isEqualTo(NO_FILE);
		SampleApi.Answer json = this.app.postJson("/api/readings/csv", "{}");
		assertPlainProblem(json, 400);
		assertThat(json.detail()).isEqualTo(NO_FILE);
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aCsvBatchRefusedByCnosDbSaysHowManyRowsWereWritten() {
		cnosdb.onWrite(recorded("expired-point"));
		SampleApi.Answer answer = this.app.upload("/api/readings/csv", "old.csv",
				"time,station,temperature\n2000-01-01T00:00:00Z,XiaoMaiDao,3\n");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.detail()).contains("Operation not support: create expired bucket", "030034");
		assertThat(answer.json().path("rowsWritten").asLong()).isZero();
		assertThat(answer.json().path("line").asLong()).isEqualTo(2);
	}

	// GET /api/readings

	@Test
	void queriesReadingsWithBoundParametersOldestFirst() {
		cnosdb.onSql("SELECT time, station", recorded("sample-readings"));
		SampleApi.Answer answer = this.app
			.get("/api/readings?station=XiaoMaiDao&from=2024-05-01T00:00:00Z&to=2024-05-02T00:00:00Z&limit=50");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(statements()).containsExactly("SELECT time, station, visibility, temperature, pressure FROM air "
				+ "WHERE station = 'XiaoMaiDao' AND time >= '2024-05-01T00:00:00Z' AND time <= '2024-05-02T00:00:00Z' "
				+ "ORDER BY time DESC LIMIT 50");
		assertThat(answer.text())
			.isEqualTo("[{\"time\":\"2024-05-01T08:00:00Z\",\"station\":\"XiaoMaiDao\",\"visibility\":56.0,"
					+ "\"temperature\":69.0,\"pressure\":77.0},{\"time\":\"2024-05-01T08:01:00Z\",\"station\":\"XiaoMaiDao\","
					+ "\"visibility\":null,\"temperature\":21.5,\"pressure\":null}]");
	}

	@Test
	void queriesAllStationsWithTheDefaultLimit() {
		SampleApi.Answer answer = this.app.get("/api/readings");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text()).isEqualTo("[]");
		assertThat(statements()).containsExactly(
				"SELECT time, station, visibility, temperature, pressure FROM air ORDER BY time DESC LIMIT 1000");
	}

	@Test
	void refusesBadQueryParametersBeforeSendingAnything() {
		assertThat(this.app.get("/api/readings?station=a'b").detail())
			.isEqualTo("station 'a'b' is not a station name: use 1 to 64 letters, digits, '_' or '-'");
		assertThat(this.app.get("/api/readings?station=" + "x".repeat(65)).status()).isEqualTo(400);
		SampleApi.Answer reversed = this.app.get("/api/readings?from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.detail()).isEqualTo("from 2024-05-02T00:00:00Z is after to 2024-05-01T00:00:00Z");
		SampleApi.Answer limit = this.app.get("/api/readings?limit=0");
		assertThat(limit.status()).isEqualTo(400);
		assertThat(limit.detail()).isEqualTo("limit 0 is out of range: use 1 to 10000");
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aParameterThatDoesNotConvertIsNamedWithTheExpectedForm() {
		SampleApi.Answer notATime = this.app.get("/api/readings?from=yesterday");
		assertPlainProblem(notATime, 400);
		assertThat(notATime.detail())
			.isEqualTo("from must be an ISO-8601 instant such as 2024-05-01T08:00:00Z, not 'yesterday'");
		SampleApi.Answer localTime = this.app.get("/api/readings/summary?to=2024-05-01T08:00:00");
		assertPlainProblem(localTime, 400);
		assertThat(localTime.detail())
			.isEqualTo("to must be an ISO-8601 instant such as 2024-05-01T08:00:00Z, not '2024-05-01T08:00:00'");
		SampleApi.Answer notANumber = this.app.get("/api/readings?limit=ten");
		assertPlainProblem(notANumber, 400);
		assertThat(notANumber.detail()).isEqualTo("limit must be a whole number such as 100, not 'ten'");
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	// GET /api/stations

	@Test
	void listsStations() {
		cnosdb.onSql("SELECT DISTINCT station", recorded("sample-stations"));
		SampleApi.Answer answer = this.app.get("/api/stations");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text()).isEqualTo("[\"DaLian\",\"LianYunGang\",\"XiaoMaiDao\"]");
		assertThat(statements()).containsExactly("SELECT DISTINCT station FROM air ORDER BY station");
	}

	@Test
	void aRefusalOfTheSamplesOwnStatementIsABadGateway() {
		// Nothing of the caller's is in this statement: asking again differently cannot
		// help.
		// Recorded on a table air that has no station.
		cnosdb.onSql("SELECT DISTINCT station", recorded("sample-stations-without-station-column"));
		SampleApi.Answer answer = this.app.get("/api/stations");
		assertPlainProblem(answer, 502);
		assertThat(answer.json().path("title").asString()).isEqualTo("CnosDB failed");
		assertThat(answer.detail()).isEqualTo("CnosDB failed: it refused a statement of the sample itself: "
				+ "Datafusion: Schema error: No field named station. Valid fields are air.time, air.visibility.");
		assertThat(answer.json().path("errorCode").asString()).isEqualTo("010001");
	}

	@Test
	void aRefusalOfAStatementWithTheCallersTimesIsABadRequest() {
		cnosdb.onSql("SELECT time, station", recorded("sample-readings-from-year-9999"));
		// A valid instant past what a nanosecond timestamp holds (2262): the caller's to
		// change.
		SampleApi.Answer answer = this.app.get("/api/readings?from=9999-01-01T00:00:00Z");
		assertPlainProblem(answer, 400);
		assertThat(answer.json().path("title").asString()).isEqualTo("Bad request");
		assertThat(answer.detail())
			.startsWith("CnosDB refused the statement: Datafusion: Optimizer rule " + "'simplify_expressions' failed")
			.contains("Arrow error: Cast error: Overflow converting 9999-01-01 00:00:00 to Nanosecond");
	}

	// GET /api/readings/summary

	@Test
	void summarizesPerBucket() {
		cnosdb.onSql("SELECT date_bin", recorded("sample-summary"));
		SampleApi.Answer answer = this.app.get("/api/readings/summary?station=XiaoMaiDao&bucket=5 minutes");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(statements()).containsExactly("SELECT date_bin(INTERVAL '5 minutes', time, "
				+ "TIMESTAMP '1970-01-01T00:00:00Z') AS bucket, min(\"temperature\") AS min_value, "
				+ "avg(\"temperature\") AS avg_value, max(\"temperature\") AS max_value, count(\"temperature\") AS samples "
				+ "FROM air WHERE station = 'XiaoMaiDao' GROUP BY bucket ORDER BY bucket");
		assertThat(answer.json().get(0).toString()).isEqualTo(
				"{\"bucket\":\"2024-05-01T08:00:00Z\",\"minValue\":20.5,\"avgValue\":21.25,\"maxValue\":22.0,\"samples\":4}");
		assertThat(answer.json()).hasSize(2);
	}

	@Test
	void summarizesAnotherFieldOfAllStationsInATimeRange() {
		this.app.get("/api/readings/summary?field=pressure&bucket=1 day&from=2024-05-01T00:00:00Z");
		assertThat(statements()).singleElement()
			.asString()
			.startsWith("SELECT date_bin(INTERVAL '1 day', time, TIMESTAMP '1970-01-01T00:00:00Z') AS bucket, "
					+ "min(\"pressure\") AS min_value")
			.endsWith("FROM air WHERE time >= '2024-05-01T00:00:00Z' GROUP BY bucket ORDER BY bucket");
	}

	@Test
	void refusesABucketThatIsNotAnIntervalBeforeSendingAnything() {
		SampleApi.Answer answer = this.app.get("/api/readings/summary?bucket=1 fortnight");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.detail()).isEqualTo("bucket '1 fortnight' is not an interval: use a number and a unit, "
				+ "such as '30 seconds', '5 minutes', '1 hour' or '1 day'");
		assertThat(this.app.get("/api/readings/summary?bucket=1 hour'; DROP DATABASE x; --").status()).isEqualTo(400);
		SampleApi.Answer field = this.app.get("/api/readings/summary?field=time");
		assertThat(field.status()).isEqualTo(400);
		assertThat(field.detail())
			.isEqualTo("field 'time' is not a field of air: use one of [temperature, visibility, pressure]");
		assertThat(this.app.get("/api/readings/summary?station=no%20spaces").status()).isEqualTo(400);
		assertThat(cnosdb.callsSince(this.mark)).isEmpty();
	}

	@Test
	void aBucketCnosDbCannotParseIsABadRequestWithItsMessage() {
		cnosdb.onSql("SELECT date_bin", recorded("date-bin-too-large"));
		SampleApi.Answer answer = this.app.get("/api/readings/summary?bucket=999999 days");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.detail()).isEqualTo("CnosDB refused the statement: Datafusion: External error: "
				+ "Execution error: DATE_BIN stride argument is too large");
		assertThat(answer.json().path("errorCode").asString()).isEqualTo("010001");
	}

	// Actuator and the page

	@Test
	void healthShowsTheCnosDbEntry() {
		SampleApi.Answer health = this.app.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().at("/components/cnosdb/status").asString()).isEqualTo("UP");
		assertThat(health.json().at("/components/cnosdb/details/version").asString()).startsWith("2.4.2");
	}

	@Test
	void metricsShowTheClientRequests() {
		this.app.get("/api/stations");
		SampleApi.Answer metric = this.app.get("/actuator/metrics/http.client.requests");
		assertThat(metric.status()).isEqualTo(200);
		assertThat(metric.text()).contains("/api/v1/sql?db={db}&tenant={tenant}&chunked=true");
	}

	@Test
	void servesThePageWithoutExternalResources() {
		SampleApi page = this.app;
		String html = page.getText("/");
		assertThat(html).contains("<svg id=\"chart\"")
			.contains("<script src=\"app.js\"></script>")
			.doesNotContain("http://", "https://");
		assertThat(page.getText("/app.js")).contains("actuator/health")
			.contains("api/readings/csv")
			.doesNotContain("https://");
	}

}

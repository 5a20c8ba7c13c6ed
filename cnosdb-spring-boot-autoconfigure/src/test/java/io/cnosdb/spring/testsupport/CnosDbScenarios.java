package io.cnosdb.spring.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.cnosdb.spring.testsupport.CnosDbScenario.Normaliser;
import io.cnosdb.spring.testsupport.CnosDbScenario.Request;

import static io.cnosdb.spring.testsupport.CnosDbScenario.Request.get;
import static io.cnosdb.spring.testsupport.CnosDbScenario.Request.sql;
import static io.cnosdb.spring.testsupport.CnosDbScenario.Request.write;

/**
 * Every answer of a real CnosDB that the loopback tests replay: the catalogue the
 * {@link RecordedAnswersTests recorder} runs against a server and {@link RecordedAnswers}
 * loads fixtures by. Each scenario works in {@value #DB} (and, where it needs a tenant or
 * a user, {@value #TENANT}, {@code alice} or {@code Bob}), which it creates and drops
 * itself: the same requests give the same answers on every server of a version.
 */
public final class CnosDbScenarios {

	/** The database the scenarios create, fill and drop. */
	public static final String DB = "fixture_db";

	/** The tenant the scenarios that need one create and drop. */
	public static final String TENANT = "fixture_tenant";

	/**
	 * The password in the {@code Authorization} header of
	 * {@code malformed-authorization}.
	 */
	public static final String ECHOED_PASSWORD = "s3cr3t'pw";

	private static final Request CREATE_DB = sql("public", "CREATE DATABASE \"" + DB + "\"");

	private static final Request DROP_DB = sql("public", "DROP DATABASE IF EXISTS \"" + DB + "\"");

	private CnosDbScenarios() {
	}

	/** All scenarios, in the order they are recorded. */
	public static List<CnosDbScenario> all() {
		return List.copyOf(SCENARIOS.values());
	}

	/** The scenario of that name. */
	public static CnosDbScenario named(String name) {
		CnosDbScenario scenario = SCENARIOS.get(name);
		if (scenario == null) {
			throw new IllegalArgumentException("No scenario '" + name + "' in " + SCENARIOS.keySet());
		}
		return scenario;
	}

	private static Map<String, CnosDbScenario> catalogue() {
		Catalogue c = new Catalogue();

		// The HTTP layer: ping, routing, headers, authentication.
		c.add("ping", "GET /api/v1/ping: the version and status, as JSON (keys in no fixed order)", get("/api/v1/ping"))
			.normaliser(new Normaliser("JSON keys sorted: the server builds the object from a hash map",
					CnosDbScenarios::sortJsonKeys));
		c.add("ping-not-found", "A ping under a path the server does not have, as behind a wrong base URL",
				get("/cnosdb/api/v1/ping"));
		c.add("not-found", "A statement posted under a path the server does not have",
				sql("public", "select 1").path("/cnosdb/api/v1/sql"));
		c.add("method-not-allowed", "GET on the SQL endpoint", sql("public", "select 1").method("GET"));
		byte[] huge = new byte[16 * 1024 * 1024 + 1];
		Arrays.fill(huge, (byte) ' ');
		c.add("payload-too-large", "A statement longer than query_sql_limit (16 MiB by default)", sql("public", "")
			.largeBody(huge, "16777217 spaces (one byte over the default query_sql_limit of 16 MiB); not kept here"));
		c.add("internal-server-error", "A query parameter the server cannot read: a rejection it does not handle",
				sql("public", "select 1").param("chunked", "maybe"));
		c.add("missing-authorization", "A statement without an Authorization header",
				sql("public", "select 1").withoutAuthorization());
		c.add("bad-accept", "A statement asking for a result format the server does not have",
				sql("public", "select 1").header("Accept", "xx"));
		c.add("malformed-authorization",
				"Credentials sent without their Base64 encoding: the server echoes the header in its error",
				sql("public", "select 1").authorization("Basic bob:" + ECHOED_PASSWORD));
		c.add("unknown-user", "Basic authentication as a user the server does not know",
				sql("public", "select 1").authorization("Basic " + java.util.Base64.getEncoder()
					.encodeToString("fixture_nobody:wrong-password".getBytes(StandardCharsets.UTF_8))));

		// Errors of statements and writes.
		c.add("table-not-found", "A query on a table that does not exist", sql(DB, "SELECT * FROM air"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("describe-missing-table", "DESCRIBE TABLE of a table that does not exist",
				sql(DB, "DESCRIBE TABLE \"air\""))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("drop-missing-table", "DROP TABLE of a table that does not exist", sql(DB, "DROP TABLE \"air\""))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("users-table-not-found", "A query with a literal on a table that does not exist",
				sql(DB, "SELECT name FROM users WHERE hash_password = 'x'"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("tenant-table-not-found", "A query in another tenant on a table that does not exist",
				sql(DB, "select * from " + DB + ".air_a;").tenant(TENANT))
			.setup(sql("public", "CREATE TENANT IF NOT EXISTS \"" + TENANT + "\""),
					sql("public", "CREATE DATABASE \"" + DB + "\"").tenant(TENANT))
			.cleanup(sql("public", "DROP DATABASE IF EXISTS \"" + DB + "\"").tenant(TENANT),
					sql("public", "DROP TENANT IF EXISTS \"" + TENANT + "\""));
		c.add("database-not-found-on-write", "A write to a database that does not exist", write(DB, "ns", "m f=1\n"))
			.cleanup(DROP_DB);
		c.add("sql-parser-error", "A statement that is not SQL", sql("public", "1;"));
		c.add("create-existing-database", "CREATE DATABASE of a database that exists",
				sql("public", "CREATE DATABASE \"" + DB + "\""))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("drop-missing-database", "DROP DATABASE of a database that does not exist",
				sql("public", "DROP DATABASE \"" + DB + "\""))
			.cleanup(DROP_DB);
		c.add("create-existing-tenant", "CREATE TENANT of a tenant that exists: a meta error no exception names",
				sql("public", "CREATE TENANT \"" + TENANT + "\""))
			.setup(sql("public", "CREATE TENANT IF NOT EXISTS \"" + TENANT + "\""))
			.cleanup(sql("public", "DROP TENANT IF EXISTS \"" + TENANT + "\""));
		c.add("rate-limit", "A write to a tenant whose limiter has no write to give",
				write(DB, "ns", "air,station=s0 v=0i 1\n").tenant(TENANT))
			.setup(sql("public",
					"CREATE TENANT IF NOT EXISTS \"" + TENANT + "\" WITH _limiter = '{\"object_config\": null, "
							+ "\"request_config\": {\"http_writes\": "
							+ "{\"remote_bucket\": {\"max\": 1, \"initial\": 0, \"refill\": 1, \"interval\": 3600000}, "
							+ "\"local_bucket\": {\"max\": 1, \"initial\": 0}}}}'"),
					sql("public", "CREATE DATABASE \"" + DB + "\"").tenant(TENANT))
			.cleanup(sql("public", "DROP DATABASE IF EXISTS \"" + DB + "\"").tenant(TENANT),
					sql("public", "DROP TENANT IF EXISTS \"" + TENANT + "\""));
		c.add("line-protocol-error", "Line protocol with a field where the tags end",
				write(DB, "ns", "test,t2=t22,f2=2 1642176000000000000\n"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("field-type-conflict", "A float written to a BIGINT field",
				write(DB, "ns", "air,station=XiaoMaiDao temperature=1.5 1714550400000000000\n"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE air (temperature BIGINT, TAGS(station))"))
			.cleanup(DROP_DB);
		c.add("expired-point", "A point older than the database's TTL",
				write(DB, "ns", "air,station=XiaoMaiDao temperature=3.0 946684800000000000\n"))
			.setup(sql("public", "CREATE DATABASE \"" + DB + "\" WITH TTL '30d'"))
			.cleanup(DROP_DB);
		c.add("date-bin-too-large", "date_bin with a stride of more than 100 years",
				sql(DB, "SELECT date_bin(INTERVAL '999999 days', time, TIMESTAMP '1970-01-01T00:00:00Z') AS bucket, "
						+ "min(\"temperature\") AS min_value, avg(\"temperature\") AS avg_value, "
						+ "max(\"temperature\") AS max_value, count(\"temperature\") AS samples FROM air GROUP BY bucket "
						+ "ORDER BY bucket"))
			.setup(CREATE_DB, sql(DB, SAMPLE_AIR),
					write(DB, "ns", "air,station=XiaoMaiDao temperature=20.5 1714550400000000000\n"))
			.cleanup(DROP_DB);

		// Writes.
		c.add("write", "A successful line-protocol write", write(DB, "ns", "air,station=s0 v=0i 1\n"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);

		c.add("write-blank-lines", "A write with an empty line and a line of spaces and a tab between points",
				write(DB, "ns", "air v=1i 1\n\nair v=2i 2\n \t\nair v=3i 3\n"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("write-blank-lines-read-back", "The points of write-blank-lines, read back",
				sql(DB, "select time, v from air order by time"))
			.setup(CREATE_DB, write(DB, "ns", "air v=1i 1\n\nair v=2i 2\n \t\nair v=3i 3\n"))
			.cleanup(DROP_DB);
		c.add("write-line-breaks-in-strings",
				"A write of string fields holding a line feed, a carriage return and CRLF",
				write(DB, "ns", "s note=\"two\nlines\" 1\ns note=\"a\rb\" 2\ns note=\"c\r\nd\" 3\n"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("write-line-breaks-in-strings-read-back", "The strings of write-line-breaks-in-strings, read back",
				sql(DB, "select time, note from s order by time"))
			.setup(CREATE_DB, write(DB, "ns", "s note=\"two\nlines\" 1\ns note=\"a\rb\" 2\ns note=\"c\r\nd\" 3\n"))
			.cleanup(DROP_DB);

		// DDL and DCL.
		c.add("create-database", "CREATE DATABASE", sql("public", "CREATE DATABASE \"" + DB + "\"")).cleanup(DROP_DB);
		c.add("create-database-every-option", "CREATE DATABASE with every option the client renders",
				sql("public",
						"CREATE DATABASE IF NOT EXISTS \"" + DB
								+ "\" WITH TTL '180d' SHARD 6 VNODE_DURATION '2y1M' REPLICA 1 PRECISION 'us'"))
			.cleanup(DROP_DB);
		c.add("create-database-ttl-and-vnode-duration", "CREATE DATABASE with a TTL and vnode duration from Durations",
				sql("public", "CREATE DATABASE \"" + DB + "\" WITH TTL '30d12h' VNODE_DURATION '7d'"))
			.cleanup(DROP_DB);
		c.add("drop-database", "DROP DATABASE", sql("public", "DROP DATABASE \"" + DB + "\""))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("drop-database-if-exists", "DROP DATABASE IF EXISTS of a database that does not exist", DROP_DB);
		c.add("show-databases", "SHOW DATABASES on a server with only its own databases",
				sql("public", "SHOW DATABASES"))
			.normaliser(new Normaliser("only the header and the databases every server has (" + SYSTEM_DATABASES
					+ "): others may be there on a shared server", CnosDbScenarios::systemDatabasesOnly));
		c.add("show-tables", "SHOW TABLES of a database with two tables", sql(DB, "SHOW TABLES"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE air (visibility DOUBLE, TAGS(station))"),
					sql(DB, "CREATE TABLE sea (temperature DOUBLE, TAGS(station))"))
			.cleanup(DROP_DB);
		c.add("show-tables-empty", "SHOW TABLES of a database without tables", sql(DB, "SHOW TABLES"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("create-table-with-codecs-and-tags", "CREATE TABLE with every codec the client renders", sql(DB,
				"CREATE TABLE IF NOT EXISTS \"air\" (\"visibility\" DOUBLE, \"pressure\" DOUBLE CODEC(GORILLA), "
						+ "\"count\" BIGINT UNSIGNED CODEC(DELTA), \"note\" STRING CODEC(ZSTD), "
						+ "\"ok\" BOOLEAN CODEC(BITPACK), TAGS(\"station\", \"Region\"))"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("create-table", "CREATE TABLE with one field", sql(DB, "CREATE TABLE \"plain\" (\"column1\" BIGINT)"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("drop-table", "DROP TABLE", sql(DB, "DROP TABLE \"air\""))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE air (v DOUBLE)"))
			.cleanup(DROP_DB);
		c.add("drop-table-if-exists", "DROP TABLE IF EXISTS of a table that does not exist",
				sql(DB, "DROP TABLE IF EXISTS \"air\""))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("describe-table", "DESCRIBE TABLE of a table with codecs, a tag and an unsigned field",
				sql(DB, "DESCRIBE TABLE \"air\""))
			.setup(CREATE_DB,
					sql(DB, "CREATE TABLE air (humidity DOUBLE, pressure DOUBLE CODEC(GORILLA), "
							+ "total BIGINT UNSIGNED CODEC(DELTA), TAGS(station))"))
			.cleanup(DROP_DB);
		c.add("describe-table-millisecond", "DESCRIBE TABLE in a database of millisecond precision",
				sql(DB, "DESCRIBE TABLE \"air\""))
			.setup(sql("public", "CREATE DATABASE \"" + DB + "\" WITH PRECISION 'ms'"),
					sql(DB, "CREATE TABLE air (v DOUBLE, TAGS(station))"))
			.cleanup(DROP_DB);
		c.add("describe-table-for-csv-import", "DESCRIBE TABLE of a table with a field of every type",
				sql(DB, "DESCRIBE TABLE \"air\""))
			.setup(CREATE_DB, sql(DB,
					"CREATE TABLE air (count BIGINT, note STRING, ok BOOLEAN, temperature DOUBLE CODEC(GORILLA), "
							+ "u BIGINT UNSIGNED, TAGS(station))"))
			.cleanup(DROP_DB);
		c.add("create-user", "CREATE USER with a quote in the password",
				sql("public", "CREATE USER \"alice\" WITH PASSWORD = 'p''w'"))
			.setup(DROP_ALICE)
			.cleanup(DROP_ALICE);
		c.add("create-existing-user", "CREATE USER of a user that exists",
				sql("public", "CREATE USER \"alice\" WITH PASSWORD = 'p''w'"))
			.setup(sql("public", "CREATE USER \"alice\" WITH PASSWORD = 'other'"))
			.cleanup(DROP_ALICE);
		c.add("alter-user-password", "ALTER USER … SET PASSWORD",
				sql("public", "ALTER USER \"alice\" SET PASSWORD = 'new\\pw'"))
			.setup(sql("public", "CREATE USER \"alice\" WITH PASSWORD = 'p''w'"))
			.cleanup(DROP_ALICE);
		c.add("alter-user-same-password", "ALTER USER … SET PASSWORD to the password the user has",
				sql("public", "ALTER USER \"alice\" SET PASSWORD = 'n3w''secret'"))
			.setup(sql("public", "CREATE USER \"alice\" WITH PASSWORD = 'n3w''secret'"))
			.cleanup(DROP_ALICE);
		c.add("drop-user", "DROP USER", sql("public", "DROP USER \"alice\""))
			.setup(sql("public", "CREATE USER \"alice\" WITH PASSWORD = 'p''w'"))
			.cleanup(DROP_ALICE);
		c.add("drop-user-if-exists", "DROP USER IF EXISTS of a user that does not exist",
				sql("public", "DROP USER IF EXISTS \"Bob\""));

		// Results.
		c.add("select-1", "select 1;", sql("public", "select 1;"));
		c.add("health-statement", "The statement the health indicator runs as the configured user",
				sql("public", "SELECT 1"));
		c.add("select-1-as-n", "One literal column", sql("public", "SELECT 1 AS n"));
		c.add("select-1-as-a-2-as-b", "Two literal columns", sql("public", "SELECT 1 AS a, 2 AS b"));
		c.add("golden-create-table", "create table test(f1 bigint, tags(t1));",
				sql(DB, "create table test(f1 bigint, tags(t1));"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("golden-insert", "insert into test(time,t1,f1)values(now(),'t11',1);",
				sql(DB, "insert into test(time,t1,f1)values(now(),'t11',1);"))
			.setup(CREATE_DB, sql(DB, "create table test(f1 bigint, tags(t1));"))
			.cleanup(DROP_DB);
		c.add("golden-select", "select t1,f1 from test;", sql(DB, "select t1,f1 from test;"))
			.setup(CREATE_DB, sql(DB, "create table test(f1 bigint, tags(t1));"),
					sql(DB, "insert into test(time,t1,f1)values(now(),'t11',1);"))
			.cleanup(DROP_DB);
		c.add("insert-two-rows", "An INSERT of two rows with rendered parameters", sql(DB,
				"INSERT INTO air (TIME, station, visibility) VALUES ('2024-01-01T00:00:00Z', 'XiaoMaiDao', 56), "
						+ "('2024-01-01T00:00:01Z', 'XiaoMaiDao', 56)"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE air (visibility DOUBLE, TAGS(station))"))
			.cleanup(DROP_DB);
		c.add("merged-fields", "Two points of one series with different fields, read back as one row",
				sql(DB, "select * from ma"))
			.setup(CREATE_DB, write(DB, "ns", "ma,ta=a1 fa=1 1690510331000000000\nma,ta=a1 fb=2 1690510331000000000\n"))
			.cleanup(DROP_DB);
		c.add("three-by-three", "Three columns of three rows", sql(DB, "select a, b, c from t order by time"))
			.setup(CREATE_DB, write(DB, "ns", "t a=1i,b=4i,c=7i 1\nt a=2i,b=5i,c=8i 2\nt a=3i,b=6i,c=9i 3\n"))
			.cleanup(DROP_DB);
		c.add("explain", "EXPLAIN of a query with a filter: a plan over several lines",
				sql(DB, "explain select time from m0 where f0 >= '1997-01-31'"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE m0 (f0 STRING)"))
			.cleanup(DROP_DB)
			.normaliser(new Normaliser("partition counts, which follow the server's cores, replaced by N",
					CnosDbScenarios::partitionCounts));
		c.add("quoted-values", "Strings with a comma, quotes and a CRLF line break, an empty string and a quote",
				sql(DB, "select a, b, c from t order by time"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE t (a STRING, b STRING, c STRING)"),
					sql(DB, "INSERT INTO t (time, a, b, c) VALUES (1, 'x,y', 'say \"hi\"', 'line1\r\nline2'), "
							+ "(2, 'plain', '', '\"')"))
			.cleanup(DROP_DB);
		c.add("duplicate-column-names", "A join whose result has two columns of each name of the tables",
				sql(DB, "select * from a join b on a.v = b.v"))
			.setup(CREATE_DB,
					write(DB, "ns",
							"a,station=s1 v=1i,day_temperature=20.5 1704067200000000000\n"
									+ "b,station=s2 v=1i,day_speed=3.0 1704153600000000000\n"))
			.cleanup(DROP_DB);
		c.add("null-strings", "A string field that is null in two of three rows",
				sql(DB, "select name from t order by time"))
			.setup(CREATE_DB, write(DB, "ns", "t other=1i 1\nt name=\"x\" 2\nt other=3i 3\n"))
			.cleanup(DROP_DB);
		c.add("nan-and-infinities", "Doubles: NaN, both infinities and two finite values",
				sql(DB, "select v from t order by time"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE t (v DOUBLE)"),
					sql(DB, "INSERT INTO t (time, v) VALUES (1, CAST('NaN' AS DOUBLE)), (2, CAST('inf' AS DOUBLE)), "
							+ "(3, CAST('-inf' AS DOUBLE)), (4, 80.0), (5, 66.94915254237289)"))
			.cleanup(DROP_DB);
		c.add("largest-unsigned", "The largest BIGINT UNSIGNED", sql(DB, "select u from t"))
			.setup(CREATE_DB, write(DB, "ns", "t u=18446744073709551615u 1\n"))
			.cleanup(DROP_DB);
		c.add("nanosecond-times", "Times with nine digits of fraction", sql(DB, "select time from t order by time"))
			.setup(CREATE_DB, write(DB, "ns", "t v=1i 1\nt v=2i 1690510331123456789\n"))
			.cleanup(DROP_DB);
		c.add("tag-with-leading-zeros", "A tag whose value looks like a number", sql(DB, "select station, v from t"))
			.setup(CREATE_DB, write(DB, "ns", "t,station=007 v=1.0 1\n"))
			.cleanup(DROP_DB);
		c.add("tag-with-leading-zeros-alone", "A tag whose value looks like a number, alone",
				sql(DB, "select station from t"))
			.setup(CREATE_DB, write(DB, "ns", "t,station=007 v=1.0 1\n"))
			.cleanup(DROP_DB);
		c.add("create-database-x", "A DDL statement through the query API", sql("public", "create database " + DB))
			.cleanup(DROP_DB);
		c.add("drop-database-x", "A DDL statement through the query API", sql("public", "drop database " + DB))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("no-rows", "A query of a table that matches no row", sql(DB, "select time, station from air where false"))
			.setup(CREATE_DB, write(DB, "ns", "air,station=s1 v=1.0 1\n"))
			.cleanup(DROP_DB);
		c.add("non-ascii", "Strings that are not ASCII", sql(DB, "select station from t order by time"))
			.setup(CREATE_DB, write(DB, "ns", "t,station=北京 v=1i 1\nt,station=Zürich v=2i 2\n"))
			.cleanup(DROP_DB);
		c.add("untrimmed-values", "A column and values that begin with '#', have spaces around or spell null",
				sql(DB, "select \"#tag\", v from t order by time"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE t (\"#tag\" STRING, v STRING)"), sql(DB,
					"INSERT INTO t (time, \"#tag\", v) VALUES (1, '#hashtag', ' padded '), (2, 'null', 'NULL')"))
			.cleanup(DROP_DB);
		c.add("large-quoted-value", "A 350 000-character string of commas, quotes and line breaks",
				sql(DB, "select repeat('x,\"y\"' || chr(10), 50000) as s"));

		// Results mapped to objects.
		c.add("air-with-special-doubles", "Rows with nanoseconds, NaN, both infinities and a tag-like string field",
				sql(DB, "select * from air order by time"))
			.setup(CREATE_DB, sql(DB,
					"CREATE TABLE air (visibility DOUBLE, temperature DOUBLE, pressure DOUBLE, device_id STRING, "
							+ "TAGS(station))"),
					sql(DB, "INSERT INTO air (time, station, visibility, temperature, pressure, device_id) VALUES "
							+ "(1690510331123456789, 'XiaoMaiDao', 56.0, 69.0, 77.0, '007'), "
							+ "(1690510332000000000, 'LianYunGang', CAST('NaN' AS DOUBLE), CAST('-inf' AS DOUBLE), "
							+ "CAST('inf' AS DOUBLE), '42')"))
			.cleanup(DROP_DB);
		c.add("null-visibility", "A row whose double field is null",
				sql(DB, "select time, station, visibility from air"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE air (visibility DOUBLE, other BIGINT, TAGS(station))"),
					write(DB, "ns", "air,station=XiaoMaiDao other=1i 1690510331000000001\n"))
			.cleanup(DROP_DB);
		c.add("count", "count(*) of 42 rows", sql(DB, "select count(*) from air"))
			.setup(CREATE_DB, write(DB, "ns", lines(42, (i) -> "air,station=s v=" + i + "i " + (i + 1))))
			.cleanup(DROP_DB);
		c.add("count-nothing", "count(*) where nothing matches", sql(DB, "select count(*) from air where false"))
			.setup(CREATE_DB, write(DB, "ns", "air,station=s v=1i 1\n"))
			.cleanup(DROP_DB);
		c.add("booleans", "A boolean field", sql(DB, "select b from t order by time"))
			.setup(CREATE_DB, write(DB, "ns", "t b=true 1\nt b=false 2\n"))
			.cleanup(DROP_DB);
		c.add("enum-name", "A string field holding an enum constant's name", sql(DB, "select level from t"))
			.setup(CREATE_DB, write(DB, "ns", "t level=\"HIGH\" 1\n"))
			.cleanup(DROP_DB);
		c.add("null-value", "A BIGINT field that is null", sql(DB, "select value from t"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE t (value BIGINT, other BIGINT)"), write(DB, "ns", "t other=1i 1\n"))
			.cleanup(DROP_DB);
		c.add("max-of-nulls", "max() of a field that is null in every row", sql(DB, "select max(v) from t"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE t (v BIGINT, other BIGINT)"), write(DB, "ns", "t other=1i 1\n"))
			.cleanup(DROP_DB);
		c.add("other-column", "A single column named other", sql(DB, "select other from t"))
			.setup(CREATE_DB, write(DB, "ns", "t other=1i 1\n"))
			.cleanup(DROP_DB);
		c.add("no-rows-v", "A query that matches no row", sql(DB, "select v from t where false"))
			.setup(CREATE_DB, write(DB, "ns", "t v=1i 1\n"))
			.cleanup(DROP_DB);
		c.add("two-rows", "Two rows of one column", sql(DB, "select v from t order by time"))
			.setup(CREATE_DB, write(DB, "ns", "t v=1i 1\nt v=2i 2\n"))
			.cleanup(DROP_DB);
		c.add("visibility-as-text", "A string field whose value is not a number",
				sql(DB, "select time, station, visibility from air order by time"))
			.setup(CREATE_DB,
					write(DB, "ns",
							"air,station=a visibility=\"1.0\" 1704067200000000000\n"
									+ "air,station=b visibility=\"not-a-number\" 1704067201000000000\n"))
			.cleanup(DROP_DB);
		c.add("four-hundred-rows", "400 rows of one column, for an answer sent slowly",
				sql(DB, "select v from t order by time"))
			.setup(CREATE_DB, write(DB, "ns", lines(400, (i) -> "t v=" + i + "i " + (i + 1))))
			.cleanup(DROP_DB);

		// Streamed answers (chunked=true): each record batch is sent as it is produced.
		c.add("streamed-rows", "A streamed answer of 400 rows",
				sql(DB, "select v from t order by time").param("chunked", "true"))
			.setup(CREATE_DB, write(DB, "ns", lines(400, (i) -> "t v=" + i + "i " + (i + 1))))
			.cleanup(DROP_DB);
		c.add("streamed-empty-result", "A streamed answer without rows: the header only",
				sql(DB, "select v from t where v > 1000").param("chunked", "true"))
			.setup(CREATE_DB, write(DB, "ns", "t v=1i 1\n"))
			.cleanup(DROP_DB);
		c.add("streamed-failure-midway",
				"A streamed query failing after its 200: ten series of 20 rows, the last value of the last one "
						+ "not a number; rows of the series read first, then the server's error object",
				sql(DB, "SELECT h, v, CAST(s AS BIGINT) AS n FROM m").param("chunked", "true"))
			.setup(CREATE_DB, write(DB, "ns", STREAMED_FAILURE_ROWS))
			.cleanup(DROP_DB)
			.normaliser(new Normaliser(
					"only the last line, the error object: the series are read in parallel, so which rows "
							+ "come before it varies",
					CnosDbScenarios::lastLine));
		c.add("streamed-failure-before-rows",
				"A streamed query failing on its only row: a 200 whose body is the error object alone",
				sql(DB, "SELECT h, v, CAST(s AS BIGINT) AS n FROM m WHERE h = 'h9' AND v = 19").param("chunked",
						"true"))
			.setup(CREATE_DB, write(DB, "ns", STREAMED_FAILURE_ROWS))
			.cleanup(DROP_DB);

		c.add("streamed-failure-unescaped-message",
				"A streamed query failing on a value holding a quote: the appended error object carries the "
						+ "message without JSON escaping, so it is not valid JSON",
				sql(DB, "SELECT CAST(concat('a\"b', s) AS BIGINT) AS n FROM m WHERE h = 'h9' AND v = 19")
					.param("chunked", "true"))
			.setup(CREATE_DB, write(DB, "ns", STREAMED_FAILURE_ROWS))
			.cleanup(DROP_DB);

		// The fluent API.
		c.add("fluent-readings", "The fluent API's rendered parameters, matching one row",
				sql(DB, "SELECT time, station, visibility FROM air WHERE station = 'Xiao''MaiDao' AND "
						+ "time >= '2024-01-01T00:00:00.000000001Z' AND visibility > 0.5"))
			.setup(CREATE_DB, write(DB, "ns", "air,station=Xiao'MaiDao visibility=56.0 1704067200000000001\n"))
			.cleanup(DROP_DB);
		c.add("injection-stays-a-literal", "A value that tries to end the literal, matching nothing",
				sql(DB, "select station from air where station = 'x''; DROP DATABASE public; --'"))
			.setup(CREATE_DB, write(DB, "ns", "air,station=a v=1i 1\n"))
			.cleanup(DROP_DB);
		c.add("in-lists", "IN lists of strings and numbers",
				sql(DB, "select station from air where station in ('a', 'b''c') and v in (1, 2, 3)"))
			.setup(CREATE_DB, write(DB, "ns", "air,station=a v=1i 1\nair,station=z v=2i 2\n"))
			.cleanup(DROP_DB);
		c.add("station-one-row", "One row of one column", sql(DB, "select station from air"))
			.setup(CREATE_DB, write(DB, "ns", "air,station=a v=1i 1\n"))
			.cleanup(DROP_DB);
		c.add("station-no-rows", "No rows of one column", sql(DB, "select station from air"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE air (v BIGINT, TAGS(station))"))
			.cleanup(DROP_DB);
		c.add("station-two-rows", "Two rows of one column", sql(DB, "select station from air order by time"))
			.setup(CREATE_DB, write(DB, "ns", "air,station=a v=1i 1\nair,station=b v=2i 2\n"))
			.cleanup(DROP_DB);
		c.add("negative-number", "A negative number after a minus",
				sql(DB, "select v from t where v -(-1) > 0 and station = 'a'"))
			.setup(CREATE_DB, write(DB, "ns", "t,station=b v=1i 1\n"))
			.cleanup(DROP_DB);

		// Schema scripts (cnosdb.schema.locations): a stream table, as down-sampling
		// starts.
		c.add("create-stream-table", "CREATE STREAM TABLE over a table", sql(DB, STREAM_TABLE))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE air (visibility DOUBLE, temperature DOUBLE, TAGS(station))"))
			.cleanup(DROP_DB);

		// The sample application's schema and queries.
		c.add("sample-create-database",
				"The sample's CREATE DATABASE, sent to the database it creates, which does not exist yet",
				sql(DB, "CREATE DATABASE IF NOT EXISTS \"" + DB + "\" WITH TTL '30d'"))
			.cleanup(DROP_DB);
		c.add("sample-create-table", "The sample's CREATE TABLE", sql(DB, SAMPLE_AIR))
			.setup(CREATE_DB)
			.cleanup(DROP_DB);
		c.add("sample-describe-air", "DESCRIBE TABLE of the sample's table", sql(DB, "DESCRIBE TABLE \"air\""))
			.setup(CREATE_DB, sql(DB, SAMPLE_AIR))
			.cleanup(DROP_DB);
		c.add("sample-stations", "The sample's station list",
				sql(DB, "SELECT DISTINCT station FROM air ORDER BY station"))
			.setup(CREATE_DB, sql(DB, SAMPLE_AIR),
					write(DB, "ns", "air,station=XiaoMaiDao temperature=1.0 1\n"
							+ "air,station=DaLian temperature=1.0 2\nair,station=LianYunGang temperature=1.0 3\n"
							+ "air,station=DaLian temperature=2.0 4\n"))
			.cleanup(DROP_DB);
		c.add("sample-stations-empty", "The sample's station list of an empty table",
				sql(DB, "SELECT DISTINCT station FROM air ORDER BY station"))
			.setup(CREATE_DB, sql(DB, SAMPLE_AIR))
			.cleanup(DROP_DB);
		c.add("sample-readings", "The sample's readings query with bound parameters",
				sql(DB, "SELECT time, station, visibility, temperature, pressure FROM air WHERE station = 'XiaoMaiDao' "
						+ "AND time >= '2024-05-01T00:00:00Z' AND time <= '2024-05-02T00:00:00Z' ORDER BY time DESC LIMIT 50"))
			.setup(CREATE_DB, sql(DB, SAMPLE_AIR), write(DB, "ns",
					"air,station=XiaoMaiDao visibility=56.0,temperature=69.0,pressure=77.0 1714550400000000000\n"
							+ "air,station=XiaoMaiDao temperature=21.5 1714550460000000000\n"
							+ "air,station=DaLian temperature=11.0 1714550460000000000\n"))
			.cleanup(DROP_DB);
		c.add("sample-readings-empty", "The sample's readings query of an empty table", sql(DB,
				"SELECT time, station, visibility, temperature, pressure FROM air ORDER BY time DESC LIMIT 1000"))
			.setup(CREATE_DB, sql(DB, SAMPLE_AIR))
			.cleanup(DROP_DB);
		c.add("sample-summary", "The sample's summary per five minutes",
				sql(DB, "SELECT date_bin(INTERVAL '5 minutes', time, TIMESTAMP '1970-01-01T00:00:00Z') AS bucket, "
						+ "min(\"temperature\") AS min_value, avg(\"temperature\") AS avg_value, "
						+ "max(\"temperature\") AS max_value, count(\"temperature\") AS samples FROM air "
						+ "WHERE station = 'XiaoMaiDao' GROUP BY bucket ORDER BY bucket"))
			.setup(CREATE_DB, sql(DB, SAMPLE_AIR),
					write(DB, "ns",
							"air,station=XiaoMaiDao temperature=20.5 1714550400000000000\n"
									+ "air,station=XiaoMaiDao temperature=22.0 1714550460000000000\n"
									+ "air,station=XiaoMaiDao temperature=21.0 1714550520000000000\n"
									+ "air,station=XiaoMaiDao temperature=21.5 1714550580000000000\n"
									+ "air,station=XiaoMaiDao visibility=50.0 1714550700000000000\n"))
			.cleanup(DROP_DB);
		c.add("sample-databases", "SHOW DATABASES with one database besides the server's own",
				sql("public", "SHOW DATABASES"))
			.setup(CREATE_DB)
			.cleanup(DROP_DB)
			.normaliser(new Normaliser("only the header, the databases every server has (" + SYSTEM_DATABASES + ") and "
					+ DB + ": others may be there on a shared server", CnosDbScenarios::systemDatabasesOnly));
		c.add("sample-latest-rows", "The sample's latest rows of a table",
				sql(DB, "SELECT * FROM \"air\" ORDER BY time DESC LIMIT 10"))
			.setup(CREATE_DB, write(DB, "ns", "air,station=007 visibility=56.0 1690510331000000000\n"))
			.cleanup(DROP_DB);
		c.add("sample-latest-rows-of-missing-table", "The sample's latest rows of a table that does not exist",
				sql("public", "SELECT * FROM \"nope\" ORDER BY time DESC LIMIT 10"));
		c.add("sample-describe-missing-table", "DESCRIBE TABLE of a table that does not exist, as the sample sends it",
				sql("public", "DESCRIBE TABLE \"nope\""));
		c.add("sample-describe-table-with-space", "DESCRIBE TABLE of a name with a space that is no table",
				sql("public", "DESCRIBE TABLE \"a b\""));
		c.add("sample-describe-meters", "DESCRIBE TABLE of a millisecond table with a field of every type",
				sql(DB, "DESCRIBE TABLE \"meters\""))
			.setup(sql("public", "CREATE DATABASE \"" + DB + "\" WITH PRECISION 'ms'"), sql(DB, METERS))
			.cleanup(DROP_DB);
		c.add("sample-latest-meters", "The latest rows of that table, after a field was added to it",
				sql(DB, "SELECT * FROM \"meters\" ORDER BY time DESC LIMIT 10"))
			.setup(sql("public", "CREATE DATABASE \"" + DB + "\" WITH PRECISION 'ms'"), sql(DB, METERS),
					sql(DB, "ALTER TABLE meters ADD FIELD extra STRING"),
					sql(DB, "INSERT INTO meters (time, host, count, total, ratio, ok, note, extra) VALUES "
							+ "('2024-05-01T08:00:00.123Z', 'h1', -42, 18446744073709551615, 0.25, true, 'a, b', 'x')"),
					sql(DB, "INSERT INTO meters (time, host, count, total, ratio, ok) VALUES "
							+ "('2024-05-01T07:59:00Z', 'h2', 9223372036854775807, 7, CAST('NaN' AS DOUBLE), false)"),
					sql(DB, "INSERT INTO meters (time, ratio) VALUES ('2024-05-01T07:58:00Z', CAST('inf' AS DOUBLE))"),
					sql(DB, "INSERT INTO meters (time, host, count, total, ratio, ok, note) VALUES "
							+ "('2024-05-01T07:57:00Z', 'h3', 0, 0, CAST('-inf' AS DOUBLE), false, '1.5')"))
			.cleanup(DROP_DB);
		c.add("sample-stations-without-station-column", "The sample's station list on a table air without a station",
				sql(DB, "SELECT DISTINCT station FROM air ORDER BY station"))
			.setup(CREATE_DB, sql(DB, "CREATE TABLE air (visibility DOUBLE)"))
			.cleanup(DROP_DB);
		c.add("sample-readings-from-year-9999", "The sample's readings from a time a nanosecond timestamp cannot hold",
				sql(DB, "SELECT time, station, visibility, temperature, pressure FROM air "
						+ "WHERE time >= '9999-01-01T00:00:00Z' ORDER BY time DESC LIMIT 1000"))
			.setup(CREATE_DB, sql(DB, SAMPLE_AIR))
			.cleanup(DROP_DB);
		c.add("sample-summary-empty", "The sample's summary of an empty table",
				sql(DB, "SELECT date_bin(INTERVAL '1 day', time, TIMESTAMP '1970-01-01T00:00:00Z') AS bucket, "
						+ "min(\"pressure\") AS min_value, avg(\"pressure\") AS avg_value, max(\"pressure\") AS max_value, "
						+ "count(\"pressure\") AS samples FROM air WHERE time >= '2024-05-01T00:00:00Z' GROUP BY bucket "
						+ "ORDER BY bucket"))
			.setup(CREATE_DB, sql(DB, SAMPLE_AIR))
			.cleanup(DROP_DB);

		return c.build();
	}

	private static final Request DROP_ALICE = sql("public", "DROP USER IF EXISTS \"alice\"");

	private static final String STREAM_TABLE = "CREATE STREAM TABLE IF NOT EXISTS air_stream (time TIMESTAMP, "
			+ "station STRING, temperature DOUBLE) WITH (db = '" + DB + "', table = 'air', "
			+ "event_time_column = 'time') engine = tskv";

	private static final String SAMPLE_AIR = "CREATE TABLE IF NOT EXISTS \"air\" (\"visibility\" DOUBLE, "
			+ "\"temperature\" DOUBLE, \"pressure\" DOUBLE, TAGS(\"station\"))";

	private static final String METERS = "CREATE TABLE meters (count BIGINT CODEC(DELTA), total BIGINT UNSIGNED "
			+ "CODEC(DELTA), ratio DOUBLE CODEC(GORILLA), ok BOOLEAN CODEC(BITPACK), note STRING, TAGS(host))";

	private static final Set<String> SYSTEM_DATABASES = Set.of("cluster_schema", "public", "usage_schema");

	private static final Pattern JSON_STRING_MEMBER = Pattern
		.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)");

	/**
	 * Ten series of 20 rows; the last row of the last series holds text, not a number.
	 */
	private static final String STREAMED_FAILURE_ROWS = lines(200, (i) -> "m,h=h" + (i / 20) + " v=" + (i % 20)
			+ "i,s=\"" + ((i == 199) ? "x" : String.valueOf(i % 20)) + "\" " + (1 + i % 20));

	/** Declared after the constants the catalogue uses. */
	private static final Map<String, CnosDbScenario> SCENARIOS = catalogue();

	private static String lines(int count, java.util.function.IntFunction<String> line) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			lines.append(line.apply(i)).append('\n');
		}
		return lines.toString();
	}

	static String lastLine(String body) {
		String stripped = body.strip();
		return stripped.substring(stripped.lastIndexOf('\n') + 1);
	}

	static String sortJsonKeys(String json) {
		Map<String, String> members = new TreeMap<>();
		Matcher matcher = JSON_STRING_MEMBER.matcher(json);
		while (matcher.find()) {
			members.put(matcher.group(1), matcher.group(2));
		}
		return members.entrySet()
			.stream()
			.map((e) -> "\"" + e.getKey() + "\":" + e.getValue())
			.collect(Collectors.joining(",", "{", "}"));
	}

	static String systemDatabasesOnly(String csv) {
		String[] lines = csv.split("\n", -1);
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			if (i == 0 || lines[i].isEmpty() || SYSTEM_DATABASES.contains(lines[i]) || lines[i].equals(DB)) {
				kept.add(lines[i]);
			}
		}
		return String.join("\n", kept);
	}

	static String partitionCounts(String plan) {
		return plan.replaceAll("RoundRobinBatch\\(\\d+\\)", "RoundRobinBatch(N)")
			.replaceAll("(Hash\\(\\[[^\\]]*\\], )\\d+\\)", "$1N)")
			.replaceAll("partitions=\\d+", "partitions=N");
	}

	/** Collects scenarios in order, refusing a name twice. */
	private static final class Catalogue {

		private final Map<String, Entry> entries = new LinkedHashMap<>();

		Entry add(String name, String description, Request request) {
			Entry entry = new Entry(name, description, request);
			if (this.entries.put(name, entry) != null) {
				throw new IllegalStateException("Scenario '" + name + "' twice");
			}
			return entry;
		}

		Map<String, CnosDbScenario> build() {
			Map<String, CnosDbScenario> scenarios = new LinkedHashMap<>();
			this.entries.forEach((name, entry) -> scenarios.put(name, entry.build()));
			return scenarios;
		}

	}

	private static final class Entry {

		private final String name;

		private final String description;

		private final Request request;

		private List<Request> setup = List.of();

		private List<Request> cleanup = List.of();

		private Normaliser normaliser = Normaliser.NONE;

		Entry(String name, String description, Request request) {
			this.name = name;
			this.description = description;
			this.request = request;
		}

		Entry setup(Request... setup) {
			this.setup = List.of(setup);
			return this;
		}

		Entry cleanup(Request... cleanup) {
			this.cleanup = List.of(cleanup);
			return this;
		}

		Entry normaliser(Normaliser normaliser) {
			this.normaliser = normaliser;
			return this;
		}

		CnosDbScenario build() {
			return new CnosDbScenario(this.name, this.description, this.setup, this.request, this.cleanup,
					this.normaliser);
		}

	}

}

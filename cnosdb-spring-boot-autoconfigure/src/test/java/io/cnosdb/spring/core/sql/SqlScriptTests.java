package io.cnosdb.spring.core.sql;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.sql.SqlScript.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Scripts split at separators outside quotes and comments, with the line each statement
 * starts on, and placeholders resolved only inside quotes, quoted as the text around
 * them.
 */
class SqlScriptTests {

	/**
	 * Resolves {@code ${name}} and {@code ${name:default}} from a map, as Spring does.
	 */
	private static final UnaryOperator<String> PLACEHOLDERS = placeholders(Map.of("db", "oceanic_station", "ttl", "30d",
			"quote", "it's", "name", "a\"b", "attack", "'; DROP DATABASE x; --"));

	@Test
	void splitsAtSeparatorsNumbersStatementsAndKeepsTheirFirstLine() {
		List<Statement> statements = SqlScript.split("""
				CREATE DATABASE IF NOT EXISTS oceanic_station WITH TTL '3650d';

				CREATE TABLE IF NOT EXISTS air (
				    visibility DOUBLE,
				    TAGS(station)
				);
				DROP TABLE IF EXISTS old""", ";");
		assertThat(statements).containsExactly(
				new Statement(1, 1, "CREATE DATABASE IF NOT EXISTS oceanic_station WITH TTL '3650d'"),
				new Statement(2, 3, "CREATE TABLE IF NOT EXISTS air (\n    visibility DOUBLE,\n    TAGS(station)\n)"),
				new Statement(3, 7, "DROP TABLE IF EXISTS old"));
	}

	@Test
	void separatorsInStringsQuotedNamesBackticksAndCommentsDoNotSplit() {
		List<Statement> statements = SqlScript
			.split("INSERT INTO t (s) VALUES ('a;b', 'it''s; fine'); SELECT \"x;y\", `p;q` FROM t; -- not; here\n"
					+ "SELECT 1 /* nor; /* nested; */ here; */ + 2;", ";");
		assertThat(statements).extracting(Statement::sql)
			.containsExactly("INSERT INTO t (s) VALUES ('a;b', 'it''s; fine')", "SELECT \"x;y\", `p;q` FROM t",
					"SELECT 1   + 2");
	}

	@Test
	void commentsAreDroppedAndStatementsOfCommentsAloneAreSkipped() {
		List<Statement> statements = SqlScript.split("""
				-- The sample's schema
				/* database
				   and table */
				CREATE DATABASE a; -- trailing
				;
				/* nothing */ ;
				CREATE TABLE b (v DOUBLE) -- the table
				;
				-- the end""", ";");
		assertThat(statements).containsExactly(new Statement(1, 4, "CREATE DATABASE a"),
				new Statement(2, 7, "CREATE TABLE b (v DOUBLE)"));
	}

	@Test
	void aBlockCommentBetweenTokensLeavesASpace() {
		assertThat(SqlScript.split("SELECT/**/1", ";")).extracting(Statement::sql).containsExactly("SELECT 1");
	}

	@Test
	void linesAreCountedInsideStringsAndComments() {
		List<Statement> statements = SqlScript.split("SELECT 'a\nb';\n/* c\nd */\nSELECT 2;\r\nSELECT 3", ";");
		assertThat(statements).extracting(Statement::line).containsExactly(1, 5, 6);
		assertThat(statements).extracting(Statement::sql).containsExactly("SELECT 'a\nb'", "SELECT 2", "SELECT 3");
	}

	@Test
	void otherSeparatorsSplitTheSameWay() {
		List<Statement> statements = SqlScript.split("SELECT ';' GO SELECT 'GO' GO -- GO\nSELECT 3", "GO");
		assertThat(statements).extracting(Statement::sql).containsExactly("SELECT ';'", "SELECT 'GO'", "SELECT 3");
	}

	@Test
	void cnosDbStreamTablesAndDownSamplingSplitWhole() {
		String script = """
				CREATE STREAM TABLE IF NOT EXISTS air_stream (time TIMESTAMP, station STRING, temperature DOUBLE)
				    WITH (db = 'oceanic_station', table = 'air', event_time_column = 'time') engine = tskv;
				INSERT INTO air_hourly (time, station, max_temperature)
				    SELECT date_bin(INTERVAL '1 hour', time, TIMESTAMP '2024-01-01T00:00:00Z'), station, max(temperature)
				    FROM air_stream GROUP BY date_bin(INTERVAL '1 hour', time, TIMESTAMP '2024-01-01T00:00:00Z'), station;
				""";
		List<Statement> statements = SqlScript.split(script, ";");
		assertThat(statements).extracting(Statement::line).containsExactly(1, 3);
		assertThat(statements.get(0).sql()).startsWith("CREATE STREAM TABLE").endsWith("engine = tskv");
		assertThat(statements.get(1).sql()).startsWith("INSERT INTO air_hourly").endsWith("station");
	}

	@Test
	void aScriptEndingInsideAStringOrCommentIsRefusedNamingTheLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> SqlScript.split("SELECT 1;\nSELECT 'open;\n", ";"))
			.withMessage("The script ends inside a string literal that starts on line 2");
		assertThatIllegalArgumentException().isThrownBy(() -> SqlScript.split("SELECT \"open", ";"))
			.withMessage("The script ends inside a quoted name that starts on line 1");
		assertThatIllegalArgumentException().isThrownBy(() -> SqlScript.split("\n\nSELECT 1 /* /* */", ";"))
			.withMessage("The script ends inside a block comment that starts on line 3");
	}

	@Test
	void withoutAResolverPlaceholdersAreText() {
		assertThat(SqlScript.split("SELECT '${a}', ${b}", ";")).extracting(Statement::sql)
			.containsExactly("SELECT '${a}', ${b}");
	}

	@Test
	void placeholdersInQuotesAreResolvedAndQuotedAsTheirText() {
		List<Statement> statements = SqlScript.split("""
				CREATE DATABASE IF NOT EXISTS "${db}" WITH TTL '${ttl}';
				SELECT '${quote}', "${name}", '${missing:x}y', '${missing:${ttl}}', `${db}`""", ";", PLACEHOLDERS);
		assertThat(statements).extracting(Statement::sql)
			.containsExactly("CREATE DATABASE IF NOT EXISTS \"oceanic_station\" WITH TTL '30d'",
					"SELECT 'it''s', \"a\"\"b\", 'xy', '30d', `oceanic_station`");
	}

	@Test
	void aValueCannotEndItsLiteral() {
		List<Statement> statements = SqlScript.split("SELECT * FROM t WHERE s = '${attack}'", ";", PLACEHOLDERS);
		assertThat(statements).singleElement()
			.extracting(Statement::sql)
			.isEqualTo("SELECT * FROM t WHERE s = '''; DROP DATABASE x; --'");
	}

	@Test
	void placeholdersInCommentsAreDroppedWithThem() {
		assertThat(SqlScript.split("SELECT 1 -- ${nothing}\n/* ${nothing} */", ";", PLACEHOLDERS))
			.extracting(Statement::sql)
			.containsExactly("SELECT 1");
	}

	@Test
	void aPlaceholderOutsideQuotesIsRefusedNamingTheLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SqlScript.split("SELECT 1;\nDROP DATABASE ${db}", ";", PLACEHOLDERS))
			.withMessageStartingWith("Line 2: the placeholder ${db} stands outside quotes")
			.withMessageContaining("write it inside '...' for a value or \"...\" for a name");
	}

	@Test
	void anUnresolvablePlaceholderIsRefusedNamingTheLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SqlScript.split("SELECT 1;\n\nSELECT '${nope}'", ";", PLACEHOLDERS))
			.withMessage("Line 3: Could not resolve placeholder 'nope'");
	}

	@Test
	void anUnclosedPlaceholderIsRefusedNamingTheLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> SqlScript.split("SELECT '${db'", ";", PLACEHOLDERS))
			.withMessage("Line 1: the placeholder at ${db has no closing '}'");
	}

	@Test
	void anEmptySeparatorIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SqlScript.split("SELECT 1", ""))
			.withMessage("Separator must not be empty");
	}

	/**
	 * A resolver of {@code ${name}} and {@code ${name:default}}, nested defaults
	 * included, failing for a name without a value or default.
	 */
	private static UnaryOperator<String> placeholders(Map<String, String> values) {
		return new UnaryOperator<>() {

			@Override
			public String apply(String placeholder) {
				String inner = placeholder.substring(2, placeholder.length() - 1);
				int colon = inner.indexOf(':');
				String name = (colon < 0) ? inner : inner.substring(0, colon);
				String value = values.get(name);
				if (value != null) {
					return value;
				}
				if (colon < 0) {
					throw new IllegalArgumentException("Could not resolve placeholder '" + name + "'");
				}
				String fallback = inner.substring(colon + 1);
				return fallback.startsWith("${") ? apply(fallback) : fallback;
			}

		};
	}

}

package io.cnosdb.spring.core.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Names become double-quoted identifiers and strings single-quoted literals, so no input
 * can end the token it is in (protocol reference §6.1).
 */
class CnosSqlTests {

	@Test
	void quoteNameDoublesDoubleQuotes() {
		assertThat(CnosSql.quoteName("table", "x\"; DROP DATABASE y; --")).isEqualTo("\"x\"\"; DROP DATABASE y; --\"");
		assertThat(CnosSql.quoteName("table", "\"")).isEqualTo("\"\"\"\"");
	}

	@Test
	void quoteNameKeepsCaseSingleQuotesAndUnicode() {
		assertThat(CnosSql.quoteName("database", "Ocean")).isEqualTo("\"Ocean\"");
		assertThat(CnosSql.quoteName("database", "it's")).isEqualTo("\"it's\"");
		assertThat(CnosSql.quoteName("table", "气象 站")).isEqualTo("\"气象 站\"");
		assertThat(CnosSql.quoteName("table", "a\\b")).isEqualTo("\"a\\b\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t", "   " })
	void emptyAndBlankNamesAreRejectedForNewObjects(String name) {
		// Refused by CREATE since CnosDB 2.4.3.
		assertThatIllegalArgumentException().isThrownBy(() -> CnosSql.validateName("database", name))
			.withMessageContaining("database")
			.withMessageContaining("empty");
	}

	@Test
	void slashIsRejectedInNewDatabaseTableAndTenantNames() {
		// CnosDB 2.4.2 answers 200 to CREATE DATABASE "x/y" and to a write into table
		// cpu/load,
		// then shows neither; 2.4.3 refuses the name.
		for (String kind : new String[] { "database", "table", "tenant" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> CnosSql.validateName(kind, "db/1"))
				.withMessageContaining("db/1")
				.withMessageContaining("'/'");
		}
		assertThat(CnosSql.validateName("tag", "t/k")).isEqualTo("t/k");
		assertThat(CnosSql.validateName("field", "f/x")).isEqualTo("f/x");
		assertThat(CnosSql.validateName("user", "u/1")).isEqualTo("u/1");
	}

	@Test
	void anyNameCanBeReferencedByQuoting() {
		// The server looks up whatever is quoted: DROP TABLE "cpu/load" answers 030019,
		// and
		// control characters are kept in quoted names (CREATE DATABASE "a⏎b", then DROP).
		assertThat(CnosSql.quoteName("table", "cpu/load")).isEqualTo("\"cpu/load\"");
		assertThat(CnosSql.quoteName("database", "")).isEqualTo("\"\"");
		assertThat(CnosSql.quoteName("database", "a\nb")).isEqualTo("\"a\nb\"");
		assertThat(CnosSql.validateName("table", "c\tx")).isEqualTo("c\tx");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\uD800", "a\uDC00", "ab\uD83D", "\uDE00\uD83D" })
	void unpairedSurrogatesAreRejectedAndShownEscaped(String name) {
		// Encoded as '?': dropDatabaseIfExists("\uD800") dropped the database named "?".
		int index = name.length() - ((name.length() == 2 && name.charAt(0) == '\uDE00') ? 2 : 1);
		assertThatIllegalArgumentException().isThrownBy(() -> CnosSql.quoteName("database", name))
			.withMessageContaining("Invalid database name")
			.withMessageContaining("must not contain an unpaired surrogate (one at index " + index + ")")
			.withMessageContaining("\\u")
			.satisfies((ex) -> assertThat(CnosSql.indexOfUnpairedSurrogate(ex.getMessage())).isEqualTo(-1));
	}

	@Test
	void surrogatePairsAreText() {
		assertThat(CnosSql.quoteName("table", "温度🌡")).isEqualTo("\"温度🌡\"");
		assertThat(CnosSql.quoteLiteral("🌡")).isEqualTo("'🌡'");
		assertThat(CnosSql.indexOfUnpairedSurrogate("a🌡b")).isEqualTo(-1);
	}

	@Test
	void unpairedSurrogateInALiteralIsRejectedWithoutRepeatingIt() {
		// A literal may be a password.
		assertThatIllegalArgumentException().isThrownBy(() -> CnosSql.quoteLiteral("secret\uDFFF"))
			.withMessage("Invalid string literal: it must not contain an unpaired surrogate (one at index 6), which is "
					+ "not valid UTF-8 and would be sent as '?'");
	}

	@Test
	void nullNameIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> CnosSql.quoteName("table", null))
			.withMessageContaining("table");
	}

	@Test
	void quoteLiteralDoublesSingleQuotesOnly() {
		assertThat(CnosSql.quoteLiteral("x'; DROP DATABASE y; --")).isEqualTo("'x''; DROP DATABASE y; --'");
		assertThat(CnosSql.quoteLiteral("'")).isEqualTo("''''");
		assertThat(CnosSql.quoteLiteral("")).isEqualTo("''");
		assertThat(CnosSql.quoteLiteral("back\\slash\\'")).isEqualTo("'back\\slash\\'''");
		assertThat(CnosSql.quoteLiteral("line\nbreak")).isEqualTo("'line\nbreak'");
		assertThat(CnosSql.quoteLiteral("say \"hi\"")).isEqualTo("'say \"hi\"'");
		assertThat(CnosSql.quoteLiteral("北京")).isEqualTo("'北京'");
	}

	@Test
	void quotedLiteralIsOneToken() {
		for (String value : new String[] { "'", "''", "a'b'c", "'; --", "\\'", "x'/*" }) {
			String literal = CnosSql.quoteLiteral(value);
			String inner = literal.substring(1, literal.length() - 1);
			assertThat(inner.replace("''", "")).doesNotContain("'");
		}
	}

}

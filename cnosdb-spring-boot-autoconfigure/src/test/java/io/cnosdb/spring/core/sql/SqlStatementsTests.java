package io.cnosdb.spring.core.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.ddl.DdlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What observations show of a statement: every literal masked, read by the same rules as
 * named parameters (strings, quoted names, nested comments), and the operation it starts
 * with, from a bounded set.
 */
class SqlStatementsTests {

	@Test
	void stringLiteralsAreMaskedDoubledQuotesIncluded() {
		assertThat(SqlStatements.maskLiterals("SELECT * FROM air WHERE station = 'it''s' AND s <> '' AND t = 'x'"))
			.isEqualTo("SELECT * FROM air WHERE station = ? AND s <> ? AND t = ?");
	}

	@Test
	void anUnclosedStringIsMaskedToTheEnd() {
		assertThat(SqlStatements.maskLiterals("SELECT 'abc FROM air")).isEqualTo("SELECT ?");
	}

	@Test
	void numbersAreMaskedInEveryForm() {
		assertThat(SqlStatements
			.maskLiterals("SELECT 42, -7, 3.25, 1.5e-3, 2E+10, 0x1F, 18446744073709551615 FROM air LIMIT 10 OFFSET 0"))
			.isEqualTo("SELECT ?, -?, ?, ?, ?, ?, ? FROM air LIMIT ? OFFSET ?");
	}

	@Test
	void namesHoldingDigitsAndQuotedNamesStay() {
		String sql = "SELECT col1, t2.v3, \"it's \"\" 5\", `b 6` FROM \"Ocean 2\".m4";
		assertThat(SqlStatements.maskLiterals(sql)).isEqualTo(sql);
	}

	@Test
	void commentsAreRemovedNestedOnesWhole() {
		assertThat(SqlStatements
			.maskLiterals("SELECT /* 'a' /* inner 'b' */ still 'c' */ v -- the rest 'd' 12\nFROM air /* unclosed 'e'"))
			.isEqualTo("SELECT v FROM air");
	}

	@Test
	void whiteSpaceRunsBecomeOneSpace() {
		assertThat(SqlStatements.maskLiterals("\n  SELECT\tv,\r\n   s\n\nFROM   air  \n"))
			.isEqualTo("SELECT v, s FROM air");
	}

	@Test
	void placeholdersAndCastsStayAndTheirRenderedValuesAreMasked() {
		String sql = "SELECT v::BIGINT FROM air WHERE station IN (:stations) AND time >= :from AND v > :v";
		assertThat(SqlStatements.maskLiterals(sql)).isEqualTo(sql);
		String rendered = NamedParameters.render(sql, Map.of("stations", List.of("XiaoMaiDao", "O'Hare"), "from",
				Instant.parse("2024-01-01T00:00:00Z"), "v", new BigDecimal("-21.5")));
		assertThat(SqlStatements.maskLiterals(rendered))
			.isEqualTo("SELECT v::BIGINT FROM air WHERE station IN (?, ?) AND time >= ? AND v > (-?)");
	}

	@Test
	void castsOfLiteralsKeepTheirType() {
		assertThat(SqlStatements.maskLiterals("SELECT CAST('NaN' AS DOUBLE), '1'::BIGINT, INTERVAL '1 day'"))
			.isEqualTo("SELECT CAST(? AS DOUBLE), ?::BIGINT, INTERVAL ?");
	}

	@Test
	void aPasswordNeverAppearsInAnyForm() {
		String password = "s3cr'3t -- 42 /* x";
		List<String> statements = List.of(DdlStatements.createUser("bob", password),
				DdlStatements.alterUserPassword("bob", password), "ALTER USER bob SET PASSWORD='" + "s3cr''3t'",
				"CREATE USER bob WITH PASSWORD = \"s3cr3t\"", "CREATE USER bob WITH password `s3cr3t`",
				"CREATE USER bob WITH hash_password /* c */ = \"s3cr3t\"");
		for (String statement : statements) {
			assertThat(SqlStatements.maskLiterals(statement)).doesNotContain("s3cr").doesNotContain("3t");
		}
		assertThat(SqlStatements.maskLiterals(DdlStatements.createUser("bob", password)))
			.isEqualTo("CREATE USER \"bob\" WITH PASSWORD = ?");
		assertThat(SqlStatements.maskLiterals("CREATE USER bob WITH PASSWORD = \"s3cr3t\", COMMENT = \"c\""))
			.isEqualTo("CREATE USER bob WITH PASSWORD = ?, COMMENT = \"c\"");
	}

	@Test
	void aLongStatementIsCutWithAMark() {
		StringBuilder sql = new StringBuilder("INSERT INTO air (time, station, v) VALUES ");
		for (int i = 0; i < 10_000; i++) {
			sql.append("(").append(i).append(", 'station ").append(i).append("', 1.5), ");
		}
		String masked = SqlStatements.maskLiterals(sql.toString());
		assertThat(masked).hasSize(SqlStatements.MAX_MASKED_LENGTH + SqlStatements.CUT.length())
			.startsWith("INSERT INTO air (time, station, v) VALUES (?, ?, ?), (?, ?, ?)")
			.endsWith(SqlStatements.CUT)
			.doesNotContain("station 1");
	}

	@Test
	void aCutNeverSplitsASurrogatePair() {
		// Names of even and odd length before the quoted one move the cut to either half
		// of a pair.
		for (String prefix : List.of("SELECT \"", "SELECT a\"")) {
			String masked = SqlStatements.maskLiterals(prefix + "\uD83D\uDE00".repeat(SqlStatements.MAX_MASKED_LENGTH));
			assertThat(masked).endsWith(SqlStatements.CUT);
			assertThat(CnosSql.indexOfUnpairedSurrogate(masked)).isEqualTo(-1);
		}
	}

	@Test
	void theOperationIsTheFirstCommandUpperCase() {
		assertThat(SqlStatements.operationName("select * from air")).isEqualTo("SELECT");
		assertThat(SqlStatements.operationName("  /* a /* nested */ comment */ -- line\n ((SELECT 1))"))
			.isEqualTo("SELECT");
		assertThat(SqlStatements.operationName("Create DATABASE ocean")).isEqualTo("CREATE");
		assertThat(SqlStatements.operationName("describe table air")).isEqualTo("DESCRIBE");
		assertThat(SqlStatements.operationName("SHOW DATABASES")).isEqualTo("SHOW");
		assertThat(SqlStatements.operationName("INSERT INTO air VALUES (1)")).isEqualTo("INSERT");
	}

	@Test
	void anyOtherStartIsOther() {
		assertThat(SqlStatements.operationName("frobnicate the table")).isEqualTo(SqlStatements.OTHER_OPERATION);
		assertThat(SqlStatements.operationName("'SELECT'")).isEqualTo(SqlStatements.OTHER_OPERATION);
		assertThat(SqlStatements.operationName("")).isEqualTo(SqlStatements.OTHER_OPERATION);
		assertThat(SqlStatements.operationName("/* only a comment")).isEqualTo(SqlStatements.OTHER_OPERATION);
		assertThat(SqlStatements.operationName("selectx")).isEqualTo(SqlStatements.OTHER_OPERATION);
		assertThat(SqlStatements.operationName("SELECT" + "x".repeat(100_000)))
			.isEqualTo(SqlStatements.OTHER_OPERATION);
	}

}

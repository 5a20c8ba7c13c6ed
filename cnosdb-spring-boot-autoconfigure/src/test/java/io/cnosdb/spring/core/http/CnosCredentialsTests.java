package io.cnosdb.spring.core.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CnosCredentials#redactPasswordLiterals(String)}, which must find every
 * password literal, whatever its length, and nothing else.
 */
class CnosCredentialsTests {

	@Test
	void masksEachPasswordLiteralKeepingWhatSurroundsIt() {
		assertThat(CnosCredentials.redactPasswordLiterals(
				"CREATE USER \"a\" WITH PASSWORD = 'p''w', comment = 'c'; ALTER USER b SET password='q'"))
			.isEqualTo("CREATE USER \"a\" WITH PASSWORD = '******', comment = 'c'; ALTER USER b SET password='******'");
		assertThat(CnosCredentials.redactPasswordLiterals("WHERE hash_Password\t=\n'x' AND n = 'y'"))
			.isEqualTo("WHERE hash_Password\t=\n'******' AND n = 'y'");
		assertThat(CnosCredentials.redactPasswordLiterals("password 'x'")).isEqualTo("password '******'");
	}

	@Test
	void leavesTextWithoutAPasswordLiteralAlone() {
		String text = "SELECT passwordless, 'pass' FROM t WHERE password = other_column";
		assertThat(CnosCredentials.redactPasswordLiterals(text)).isSameAs(text);
		assertThat(CnosCredentials.redactPasswordLiterals("")).isEmpty();
		assertThat(CnosCredentials.redactPasswordLiterals("passwor")).isEqualTo("passwor");
	}

	@Test
	void masksALiteralTheTextCutsOff() {
		// A server message or a shortened statement may end inside the literal.
		assertThat(CnosCredentials.redactPasswordLiterals("SET PASSWORD = 'abc''"))
			.isEqualTo("SET PASSWORD = '******'");
		assertThat(CnosCredentials.redactPasswordLiterals("SET PASSWORD = '")).isEqualTo("SET PASSWORD = '******'");
	}

	@Test
	void masksLongLiteralsWithoutOverflowingTheStack() {
		String password = "s'".repeat(50_000).replace("'", "''");
		assertThat(CnosCredentials.redactPasswordLiterals("ALTER USER u SET PASSWORD = '" + password + "' -- end"))
			.isEqualTo("ALTER USER u SET PASSWORD = '******' -- end");
		assertThat(CnosCredentials.redactPasswordLiterals("PASSWORD = '" + "x".repeat(100_000)))
			.isEqualTo("PASSWORD = '******'");
	}

}

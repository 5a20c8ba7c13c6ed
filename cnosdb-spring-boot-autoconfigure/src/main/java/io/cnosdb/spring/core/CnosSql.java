package io.cnosdb.spring.core;

import org.springframework.util.Assert;

/**
 * Quoting for SQL that is built from values: every name becomes a double-quoted identifier
 * and every string a single-quoted literal, so no name or value can change the statement.
 * <p>
 * Quoted names keep their case: {@code quoteName("database", "Ocean")} refers to the database
 * {@code Ocean}, whereas unquoted SQL would lower-case it to {@code ocean}.
 */
public final class CnosSql {

	private CnosSql() {
	}

	/**
	 * Checks a CnosDB object name (tenant, database, table, column, user) the way the server
	 * does before creating one, and quotes it with {@code "}, doubling any {@code "} inside.
	 * @param kind what the name is for, used in the error message (for example "database")
	 * @param name the name
	 * @return the quoted identifier
	 * @throws IllegalArgumentException naming the value and the rule it breaks
	 */
	public static String quoteName(String kind, String name) {
		validateName(kind, name);
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	/**
	 * Checks a CnosDB object name the way the server does before creating one: not empty or
	 * blank, no {@code /}, and no control characters.
	 * @param kind what the name is for, used in the error message
	 * @param name the name
	 * @return the name
	 * @throws IllegalArgumentException naming the value and the rule it breaks
	 */
	public static String validateName(String kind, String name) {
		Assert.notNull(name, () -> "The " + kind + " name must not be null");
		if (name.isBlank()) {
			throw invalid(kind, name, "must not be empty or contain only spaces");
		}
		if (name.indexOf('/') >= 0) {
			throw invalid(kind, name, "must not contain '/'");
		}
		for (int i = 0; i < name.length(); i++) {
			if (Character.isISOControl(name.charAt(i))) {
				throw invalid(kind, name, "must not contain control characters such as a newline");
			}
		}
		return name;
	}

	/**
	 * Quotes a string as an SQL literal, doubling any {@code '} inside. Backslashes need no
	 * escaping: CnosDB treats them as ordinary characters.
	 * @param value the string
	 * @return the literal
	 */
	public static String quoteLiteral(String value) {
		Assert.notNull(value, "A string literal must not be null");
		return '\'' + value.replace("'", "''") + '\'';
	}

	private static IllegalArgumentException invalid(String kind, String name, String rule) {
		return new IllegalArgumentException(
				"Invalid " + kind + " name \"" + printable(name) + "\": a CnosDB name " + rule);
	}

	private static String printable(String name) {
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isISOControl(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}

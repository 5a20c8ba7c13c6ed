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
	 * blank, no {@code /}, and no control characters; and that it can be sent at all: no
	 * unpaired surrogate, which has no UTF-8 encoding.
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
		int surrogate = indexOfUnpairedSurrogate(name);
		if (surrogate >= 0) {
			throw invalid(kind, name, unpairedSurrogate(surrogate));
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
		int surrogate = indexOfUnpairedSurrogate(value);
		if (surrogate >= 0) {
			// The value is not repeated: it may be a password.
			throw new IllegalArgumentException("Invalid string literal: it " + unpairedSurrogate(surrogate));
		}
		return '\'' + value.replace("'", "''") + '\'';
	}

	/**
	 * The index of the first surrogate that is not half of a pair, or -1. Such a char has no
	 * UTF-8 encoding: Java's encoder sends it as {@code ?}, so that a statement would address
	 * another name or compare with another value than the caller's. Names, literals and
	 * statements holding one are refused.
	 * @param text the text to search
	 * @return the index, or -1 if every surrogate is half of a pair
	 */
	public static int indexOfUnpairedSurrogate(CharSequence text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return i;
				}
			}
		}
		return -1;
	}

	/** The rule an unpaired surrogate at {@code index} breaks, for messages. */
	static String unpairedSurrogate(int index) {
		return "must not contain an unpaired surrogate (one at index " + index
				+ "), which is not valid UTF-8 and would be sent as '?'";
	}

	private static IllegalArgumentException invalid(String kind, String name, String rule) {
		String shown = printable(CnosMessageValues.abbreviate(name));
		return new IllegalArgumentException("Invalid " + kind + " name \"" + shown + "\": a CnosDB name " + rule);
	}

	/** The name with control characters and unpaired surrogates escaped, which logs would lose. */
	private static String printable(String name) {
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
				out.append(c).append(name.charAt(++i));
			}
			else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}

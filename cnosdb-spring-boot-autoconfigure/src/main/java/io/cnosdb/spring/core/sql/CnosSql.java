package io.cnosdb.spring.core.sql;

import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.util.Assert;

/**
 * Quoting for SQL that is built from values: every name becomes a double-quoted
 * identifier and every string a single-quoted literal, so no name or value can change the
 * statement.
 * <p>
 * Quoted names keep their case: {@code quoteName("database", "Ocean")} refers to the
 * database {@code Ocean}, whereas unquoted SQL would lower-case it to {@code ocean}.
 */
public final class CnosSql {

	private CnosSql() {
	}

	/**
	 * Quotes a name that refers to a CnosDB object (tenant, database, table, column,
	 * user) with {@code "}, doubling any {@code "} inside, after checking only that it
	 * can be sent: not null and no unpaired surrogate, which has no UTF-8 encoding. Any
	 * other text is a name the server will look up (it accepts control characters in
	 * quoted names, and answers "not found" for names it could never have created), so a
	 * statement can drop or describe whatever exists. Names of new objects are checked by
	 * {@link #validateName(String, String)} first.
	 * @param kind what the name is for, used in the error message (for example
	 * "database")
	 * @param name the name
	 * @return the quoted identifier
	 * @throws IllegalArgumentException naming the value and the rule it breaks
	 */
	public static String quoteName(String kind, String name) {
		checkSendable(kind, name);
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	/**
	 * Not null, and no unpaired surrogate, which has no UTF-8 encoding and would be sent
	 * as '?'.
	 */
	private static void checkSendable(String kind, String name) {
		Assert.notNull(name, () -> "The " + kind + " name must not be null");
		int surrogate = indexOfUnpairedSurrogate(name);
		if (surrogate >= 0) {
			throw invalid(kind, name, unpairedSurrogate(surrogate));
		}
	}

	/**
	 * Checks the name of an object to be created (and the database and tenant a template
	 * addresses) against what CnosDB refuses or cannot keep: not empty or blank (refused
	 * since 2.4.3); for tenants, databases and tables no {@code /}, since the server
	 * stores them as paths: 2.4.3 refuses such a name, and 2.4.2 answers 200 to a CREATE
	 * or a line-protocol write under it but keeps nothing, a silent loss. Tags, fields
	 * and users may hold a {@code /}, and every name may hold control characters, which
	 * the server keeps in quoted names.
	 * @param kind what the name is for, used in the error message
	 * @param name the name
	 * @return the name
	 * @throws IllegalArgumentException naming the value and the rule it breaks
	 */
	public static String validateName(String kind, String name) {
		checkSendable(kind, name);
		if (name.isBlank()) {
			throw invalid(kind, name, "must not be empty or contain only spaces");
		}
		if (isStoredAsPath(kind) && name.indexOf('/') >= 0) {
			throw invalid(kind, name, "must not contain '/', which CnosDB refuses (2.4.3) or accepts without "
					+ "storing anything (2.4.2) in " + kind + " names");
		}
		return name;
	}

	private static boolean isStoredAsPath(String kind) {
		return kind.equals("database") || kind.equals("table") || kind.equals("tenant");
	}

	/**
	 * Quotes a string as an SQL literal, doubling any {@code '} inside. Backslashes need
	 * no escaping: CnosDB treats them as ordinary characters.
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
	 * The index of the first surrogate that is not half of a pair, or -1. Such a char has
	 * no UTF-8 encoding: Java's encoder sends it as {@code ?}, so that a statement would
	 * address another name or compare with another value than the caller's. Names,
	 * literals and statements holding one are refused.
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
	public static String unpairedSurrogate(int index) {
		return "must not contain an unpaired surrogate (one at index " + index
				+ "), which is not valid UTF-8 and would be sent as '?'";
	}

	private static IllegalArgumentException invalid(String kind, String name, String rule) {
		String shown = printable(CnosMessageValues.abbreviate(name));
		return new IllegalArgumentException("Invalid " + kind + " name \"" + shown + "\": a CnosDB name " + rule);
	}

	/**
	 * The name with control characters and unpaired surrogates escaped, which logs would
	 * lose.
	 */
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

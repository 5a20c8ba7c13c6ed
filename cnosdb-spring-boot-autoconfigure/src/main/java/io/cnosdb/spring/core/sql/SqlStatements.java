package io.cnosdb.spring.core.sql;

import java.util.Locale;
import java.util.Set;

/**
 * What observations show of a statement: its text with every literal masked, and the
 * statement's operation. Both read the text as
 * {@link NamedParameters#render(String, java.util.Map) named parameters} do: string
 * literals, quoted names and comments (nested) are whole tokens.
 */
public final class SqlStatements {

	/**
	 * The most characters of masked text: a longer statement (a large {@code INSERT}) is
	 * cut there and marked with {@value #CUT}, so that a span does not carry megabytes.
	 */
	public static final int MAX_MASKED_LENGTH = 2048;

	/** What ends masked text that was cut. */
	public static final String CUT = "…";

	/** The operation of a statement that starts with no known command. */
	public static final String OTHER_OPERATION = "OTHER";

	private static final String PASSWORD = "password";

	/**
	 * The commands a CnosDB statement starts with; any other first word is
	 * {@value #OTHER_OPERATION}, so that the operation stays a bounded set of values.
	 */
	private static final Set<String> OPERATIONS = Set.of("ALTER", "CHECKSUM", "COMPACT", "COPY", "CREATE", "DELETE",
			"DESC", "DESCRIBE", "DROP", "EXPLAIN", "GRANT", "INSERT", "KILL", "MOVE", "RECOVER", "REPLICA", "REVOKE",
			"SELECT", "SHOW", "TRUNCATE", "UPDATE", "VALUES", "WITH");

	private SqlStatements() {
	}

	/**
	 * The statement with every string literal and every number replaced by {@code ?},
	 * comments removed and runs of white space made one space, as OpenTelemetry's
	 * {@code db.query.text} wants it: what the statement does, never the values it
	 * carries. Quoted names, keywords, {@code :name} placeholders and {@code ::} casts
	 * stay. A quoted name right after the word {@code PASSWORD} (and an optional
	 * {@code =}) is masked too, so that no form of password reaches the text.
	 * @param sql the statement
	 * @return the masked statement, at most {@value #MAX_MASKED_LENGTH} characters and
	 * the cut marker
	 */
	public static String maskLiterals(String sql) {
		int length = sql.length();
		StringBuilder out = new StringBuilder(Math.min(length, MAX_MASKED_LENGTH) + 2);
		boolean afterPassword = false;
		int i = 0;
		while (i < length) {
			if (out.length() >= MAX_MASKED_LENGTH) {
				return cut(out);
			}
			char c = sql.charAt(i);
			int end;
			if (c == '\'' || ((c == '"' || c == '`') && afterPassword)) {
				end = SqlScanner.skipQuoted(sql, i, c);
				out.append('?');
				afterPassword = false;
			}
			else if (c == '"' || c == '`') {
				end = SqlScanner.skipQuoted(sql, i, c);
				out.append(sql, i, end);
			}
			else if (SqlScanner.isLineComment(sql, i) || SqlScanner.isBlockComment(sql, i)) {
				end = (c == '-') ? SqlScanner.skipLineComment(sql, i) : SqlScanner.skipBlockComment(sql, i);
				appendSpace(out);
			}
			else if (Character.isWhitespace(c)) {
				end = i + 1;
				appendSpace(out);
			}
			else if (c >= '0' && c <= '9') {
				end = skipNumber(sql, i);
				out.append('?');
				afterPassword = false;
			}
			else if (SqlScanner.isNameStart(c)) {
				end = skipName(sql, i);
				out.append(sql, i, end);
				afterPassword = end - i >= PASSWORD.length()
						&& sql.regionMatches(true, end - PASSWORD.length(), PASSWORD, 0, PASSWORD.length());
			}
			else {
				end = i + 1;
				out.append(c);
				afterPassword = afterPassword && c == '=';
			}
			i = end;
		}
		if (out.length() > MAX_MASKED_LENGTH) {
			return cut(out);
		}
		int last = out.length() - 1;
		return (last >= 0 && out.charAt(last) == ' ') ? out.substring(0, last) : out.toString();
	}

	/**
	 * The first {@value #MAX_MASKED_LENGTH} characters, a pair never split, and the mark.
	 */
	private static String cut(StringBuilder out) {
		int end = MAX_MASKED_LENGTH;
		if (Character.isHighSurrogate(out.charAt(end - 1))) {
			end--;
		}
		out.setLength(end);
		return out.append(CUT).toString();
	}

	/**
	 * The command the statement starts with, upper case, after any comments, white space
	 * and opening parentheses: {@code SELECT}, {@code INSERT}, {@code CREATE} ... or
	 * {@value #OTHER_OPERATION} for a first word that starts no CnosDB statement.
	 * @param sql the statement
	 * @return the operation, one of a bounded set of values
	 */
	public static String operationName(String sql) {
		int length = sql.length();
		int i = 0;
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c) || c == '(') {
				i++;
			}
			else if (SqlScanner.isLineComment(sql, i)) {
				i = SqlScanner.skipLineComment(sql, i);
			}
			else if (SqlScanner.isBlockComment(sql, i)) {
				i = SqlScanner.skipBlockComment(sql, i);
			}
			else {
				break;
			}
		}
		int end = (i < length && SqlScanner.isNameStart(sql.charAt(i))) ? skipName(sql, i) : i;
		if (end == i || end - i > "CHECKSUM".length()) {
			return OTHER_OPERATION;
		}
		String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
		return OPERATIONS.contains(word) ? word : OTHER_OPERATION;
	}

	private static void appendSpace(StringBuilder out) {
		if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
			out.append(' ');
		}
	}

	private static int skipName(String sql, int start) {
		int i = start + 1;
		while (i < sql.length() && SqlScanner.isNamePart(sql.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * Index just past a number: digits, letters (a hexadecimal number, an exponent, a
	 * suffix), points and the sign of an exponent, so that no part of it stays.
	 */
	private static int skipNumber(String sql, int start) {
		int i = start + 1;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			boolean exponentSign = (c == '+' || c == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E');
			if (!SqlScanner.isNamePart(c) && c != '.' && !exponentSign) {
				return i;
			}
			i++;
		}
		return i;
	}

}

package io.cnosdb.spring.core.sql;

import io.cnosdb.spring.core.support.CnosMessageValues;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Replaces {@code :name} placeholders with rendered literals. Placeholders inside string
 * literals, quoted identifiers (double quotes or backticks) and comments (nested, as the
 * server reads them) are left alone, as is the {@code ::} cast operator. A collection
 * value expands to a comma-separated list, for {@code IN (:ids)}.
 */
public final class NamedParameters {

	private NamedParameters() {
	}

	public static String render(String sql, Map<String, ?> parameters) {
		StringBuilder out = new StringBuilder(sql.length() + 16);
		int length = sql.length();
		int i = 0;
		while (i < length) {
			char c = sql.charAt(i);
			if (c == '\'' || c == '"' || c == '`') {
				int end = skipQuoted(sql, i, c);
				out.append(sql, i, end);
				i = end;
			}
			else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
				int end = sql.indexOf('\n', i);
				end = (end < 0) ? length : end;
				out.append(sql, i, end);
				i = end;
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				int end = skipBlockComment(sql, i);
				out.append(sql, i, end);
				i = end;
			}
			else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
				out.append("::");
				i += 2;
			}
			else if (c == ':' && i + 1 < length && isNameStart(sql.charAt(i + 1))) {
				int end = i + 2;
				while (end < length && isNamePart(sql.charAt(end))) {
					end++;
				}
				String name = sql.substring(i + 1, end);
				if (!parameters.containsKey(name)) {
					throw new InvalidDataAccessApiUsageException("No value supplied for the SQL parameter ':"
							+ CnosMessageValues.abbreviate(name) + "' in: " + CnosMessageValues.abbreviate(sql, 500));
				}
				appendValue(out, name, parameters.get(name));
				i = end;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static void appendValue(StringBuilder out, String name, Object value) {
		if (value instanceof Collection<?> || (value != null && value.getClass().isArray() && !(value instanceof byte[])
				&& !(value instanceof char[]))) {
			Iterator<?> values = (value instanceof Collection<?> collection) ? collection.iterator()
					: java.util.Arrays.asList(boxed(value)).iterator();
			if (!values.hasNext()) {
				throw new InvalidDataAccessApiUsageException("SQL parameter ':" + CnosMessageValues.abbreviate(name)
						+ "' is an empty collection: SQL has no empty list");
			}
			while (values.hasNext()) {
				out.append(SqlLiterals.render(name, values.next()));
				if (values.hasNext()) {
					out.append(", ");
				}
			}
			return;
		}
		out.append(SqlLiterals.render(name, value));
	}

	private static Object[] boxed(Object array) {
		int length = java.lang.reflect.Array.getLength(array);
		Object[] result = new Object[length];
		for (int i = 0; i < length; i++) {
			result[i] = java.lang.reflect.Array.get(array, i);
		}
		return result;
	}

	/**
	 * Index just past a block comment. The server's SQL parser nests them, so this does
	 * too: a placeholder after the end of an inner comment is still inside the outer one.
	 */
	private static int skipBlockComment(String sql, int start) {
		int depth = 0;
		int i = start;
		while (i + 1 < sql.length()) {
			if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
				depth++;
				i += 2;
			}
			else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

	/**
	 * Index just past the closing quote; a doubled quote inside stays part of the token.
	 */
	private static int skipQuoted(String sql, int start, char quote) {
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

	private static boolean isNameStart(char c) {
		return Character.isLetter(c) || c == '_';
	}

	private static boolean isNamePart(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

}

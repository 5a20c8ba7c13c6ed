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
			if (c == '\'' || c == '"' || c == '`' || SqlScanner.isLineComment(sql, i)
					|| SqlScanner.isBlockComment(sql, i)) {
				int end = skipLiteralOrComment(sql, i, c);
				out.append(sql, i, end);
				i = end;
			}
			else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
				out.append("::");
				i += 2;
			}
			else if (c == ':' && i + 1 < length && SqlScanner.isNameStart(sql.charAt(i + 1))) {
				int end = i + 2;
				while (end < length && SqlScanner.isNamePart(sql.charAt(end))) {
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

	/** Index just past the quoted token or comment that starts at {@code start}. */
	private static int skipLiteralOrComment(String sql, int start, char c) {
		if (c == '\'' || c == '"' || c == '`') {
			return SqlScanner.skipQuoted(sql, start, c);
		}
		return (c == '-') ? SqlScanner.skipLineComment(sql, start) : SqlScanner.skipBlockComment(sql, start);
	}

}

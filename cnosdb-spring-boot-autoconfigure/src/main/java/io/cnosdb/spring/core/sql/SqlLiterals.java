package io.cnosdb.spring.core.sql;

import io.cnosdb.spring.core.support.CnosMessageValues;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Renders a Java value as a CnosDB SQL literal. CnosDB's HTTP API has no bind parameters,
 * so parameters are rendered on the client; each rendering is a single literal token that
 * cannot end the surrounding expression.
 */
final class SqlLiterals {

	private SqlLiterals() {
	}

	static String render(String parameter, @Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
			String text = value.toString();
			int surrogate = CnosSql.indexOfUnpairedSurrogate(text);
			if (surrogate >= 0) {
				throw new InvalidDataAccessApiUsageException("SQL parameter ':"
						+ CnosMessageValues.abbreviate(parameter) + "' " + CnosSql.unpairedSurrogate(surrogate));
			}
			return CnosSql.quoteLiteral(text);
		}
		if (value instanceof Enum<?> constant) {
			return CnosSql.quoteLiteral(constant.name());
		}
		if (value instanceof Boolean bool) {
			return bool.toString();
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			return signed(value.toString());
		}
		if (value instanceof BigDecimal decimal) {
			return signed(decimal.toPlainString());
		}
		if (value instanceof Double number) {
			return renderFloating(number, number.toString());
		}
		if (value instanceof Float number) {
			// The float's own shortest digits: 0.1f is 0.1, not its double widening
			// 0.10000000149011612.
			return renderFloating(number.doubleValue(), number.toString());
		}
		if (value instanceof Instant instant) {
			return CnosSql.quoteLiteral(DateTimeFormatter.ISO_INSTANT.format(instant));
		}
		if (value instanceof OffsetDateTime dateTime) {
			return render(parameter, dateTime.toInstant());
		}
		if (value instanceof ZonedDateTime dateTime) {
			return render(parameter, dateTime.toInstant());
		}
		if (value instanceof LocalDateTime dateTime) {
			// CnosDB reads a timestamp without zone as UTC.
			return CnosSql.quoteLiteral(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime));
		}
		if (value instanceof LocalDate date) {
			return CnosSql.quoteLiteral(date.toString());
		}
		throw new InvalidDataAccessApiUsageException(
				"Cannot render parameter '" + CnosMessageValues.abbreviate(parameter) + "' of type "
						+ value.getClass().getName() + " as a CnosDB literal: use a string, number, boolean, "
						+ "java.time value, enum, UUID or a collection of those");
	}

	/**
	 * A negative number in parentheses: after a minus in the statement ({@code v -:d}) a
	 * bare {@code -1} would form {@code --}, which starts a comment and hides the rest of
	 * the line.
	 */
	private static String signed(String number) {
		return (number.startsWith("-")) ? "(" + number + ")" : number;
	}

	private static String renderFloating(double value, String shortest) {
		if (Double.isNaN(value)) {
			return "CAST('NaN' AS DOUBLE)";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "CAST('inf' AS DOUBLE)" : "CAST('-inf' AS DOUBLE)";
		}
		// Plain notation with a fraction, so the literal stays a DOUBLE and keeps every
		// digit.
		String plain = new BigDecimal(shortest).toPlainString();
		return signed((plain.indexOf('.') >= 0) ? plain : plain + ".0");
	}

}

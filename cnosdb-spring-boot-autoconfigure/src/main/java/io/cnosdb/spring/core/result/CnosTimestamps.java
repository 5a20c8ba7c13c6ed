package io.cnosdb.spring.core.result;

import io.cnosdb.spring.core.support.CnosMessageValues;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the timestamp layouts CnosDB writes: {@code 2023-07-28T02:12:11.000000000} (CSV,
 * always nine fraction digits, UTC implied), {@code 2022-11-03T06:20:11.001} (JSON, 0, 3,
 * 6 or 9 digits), an optional {@code Z} or {@code +hh:mm} zone, and the space separator
 * of older servers. Positions are fixed, so the text is read directly rather than through
 * a {@code DateTimeFormatter}, which costs as much as the rest of a row.
 */
public final class CnosTimestamps {

	private CnosTimestamps() {
	}

	/**
	 * Parses a CnosDB timestamp to an instant, keeping every nanosecond.
	 * @param text the timestamp text
	 * @return the instant
	 * @throws IllegalArgumentException if the text is not a CnosDB timestamp
	 */
	public static Instant parseInstant(CharSequence text) {
		int length = text.length();
		if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| (text.charAt(10) != 'T' && text.charAt(10) != ' ') || text.charAt(13) != ':'
				|| text.charAt(16) != ':') {
			throw notATimestamp(text);
		}
		long epochDay = epochDay(text);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		if (hour > 23 || minute > 59 || second > 59) {
			throw notATimestamp(text);
		}
		int position = 19;
		int nanos = 0;
		if (position < length && text.charAt(position) == '.') {
			int start = ++position;
			while (position < length && Character.isDigit(text.charAt(position))) {
				position++;
			}
			int count = position - start;
			if (count == 0 || count > 9) {
				throw notATimestamp(text);
			}
			nanos = digits(text, start, position);
			for (int i = count; i < 9; i++) {
				nanos *= 10;
			}
		}
		int offsetSeconds = offsetSeconds(text, position);
		long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
		return Instant.ofEpochSecond(epochSecond, nanos);
	}

	/**
	 * Parses a CnosDB timestamp without zone, or converts a zoned one to UTC.
	 * @param text the timestamp text
	 * @return the UTC date-time
	 */
	public static LocalDateTime parseLocalDateTime(CharSequence text) {
		return LocalDateTime.ofInstant(parseInstant(text), ZoneOffset.UTC);
	}

	private static long epochDay(CharSequence text) {
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		try {
			return LocalDate.of(year, month, day).toEpochDay();
		}
		catch (DateTimeException ex) {
			// Month 13 or February 30: not a timestamp, reported like every other bad
			// input.
			throw notATimestamp(text);
		}
	}

	private static int offsetSeconds(CharSequence text, int position) {
		int length = text.length();
		if (position == length) {
			return 0;
		}
		char sign = text.charAt(position);
		if (sign == 'Z' && position + 1 == length) {
			return 0;
		}
		if ((sign == '+' || sign == '-') && position + 6 == length && text.charAt(position + 3) == ':') {
			int hours = digits(text, position + 1, position + 3);
			int minutes = digits(text, position + 4, position + 6);
			if (hours > 18 || minutes > 59) {
				throw notATimestamp(text);
			}
			int seconds = hours * 3_600 + minutes * 60;
			return (sign == '-') ? -seconds : seconds;
		}
		throw notATimestamp(text);
	}

	private static int digits(CharSequence text, int start, int end) {
		int value = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw notATimestamp(text);
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static IllegalArgumentException notATimestamp(CharSequence text) {
		return new IllegalArgumentException("'" + CnosMessageValues.abbreviate(text.toString())
				+ "' is not a CnosDB timestamp (expected yyyy-MM-ddTHH:mm:ss with an optional fraction of up to 9 "
				+ "digits and an optional Z or +hh:mm zone)");
	}

}

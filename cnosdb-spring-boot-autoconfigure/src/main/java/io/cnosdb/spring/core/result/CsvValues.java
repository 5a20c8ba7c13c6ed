package io.cnosdb.spring.core.result;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Reads numbers and timestamps straight from the bytes of a CSV cell, for the layouts
 * CnosDB writes. Each reader handles only the plain layout and says so when a cell is
 * anything else, so that the caller can fall back to the text conversion, which then
 * gives exactly the result (or the error) it always gave: these are shortcuts, never
 * different rules.
 */
final class CsvValues {

	/** Longs with up to 18 digits cannot overflow. */
	private static final int SAFE_LONG_DIGITS = 18;

	/** Eight more digits keep a mantissa below this within 18 digits. */
	private static final long MAX_MANTISSA_BEFORE_EIGHT_DIGITS = 10_000_000_000L;

	/** Integers up to 2^53 are exact doubles. */
	private static final long EXACT_MANTISSA = 1L << 53;

	/** Powers of ten that are exact doubles. */
	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
			1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	private static final int[] DAYS_BEFORE_MONTH = { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };

	private CsvValues() {
	}

	/** Whether {@code bytes[start .. end)} is an optional minus and 1 to 18 digits. */
	static boolean isPlainLong(byte[] bytes, int start, int end) {
		int digitsStart = (start < end && bytes[start] == '-') ? start + 1 : start;
		int digits = end - digitsStart;
		if (digits < 1 || digits > SAFE_LONG_DIGITS) {
			return false;
		}
		for (int i = digitsStart; i < end; i++) {
			if (bytes[i] < '0' || bytes[i] > '9') {
				return false;
			}
		}
		return true;
	}

	/** The value of a cell {@link #isPlainLong plain long}. */
	static long parsePlainLong(byte[] bytes, int start, int end) {
		boolean negative = bytes[start] == '-';
		long value = 0;
		for (int i = negative ? start + 1 : start; i < end; i++) {
			value = value * 10 + (bytes[i] - '0');
		}
		return negative ? -value : value;
	}

	/**
	 * Reads a double written as CnosDB writes one: {@code inf}, {@code -inf}, or an
	 * optional minus, digits, an optional fraction and an optional exponent, correctly
	 * rounded as {@link Double#parseDouble(String)} does.
	 * @return the value, or {@code NaN} if the cell has another layout ({@code NaN}
	 * itself included: the caller tells them apart with {@link #isToken})
	 */
	static double parseDoubleOrNaN(byte[] bytes, int start, int end) {
		int i = start;
		boolean negative = false;
		if (i < end && bytes[i] == '-') {
			negative = true;
			i++;
		}
		int digitsStart = i;
		long mantissa = 0;
		while (i < end && isDigit(bytes[i])) {
			mantissa = accumulate(mantissa, bytes[i]);
			i++;
		}
		int integerDigits = i - digitsStart;
		int fractionDigits = 0;
		if (i < end && bytes[i] == '.') {
			i++;
			int fractionStart = i;
			// Full-precision values have 15 or more fraction digits: take eight at a time
			// while
			// the mantissa cannot overflow.
			while (i <= end - Long.BYTES && mantissa < MAX_MANTISSA_BEFORE_EIGHT_DIGITS) {
				long word = ByteWords.read(bytes, i);
				if (!ByteWords.isEightDigits(word)) {
					break;
				}
				mantissa = mantissa * 100_000_000 + ByteWords.eightDigits(word);
				i += Long.BYTES;
			}
			while (i < end && isDigit(bytes[i])) {
				mantissa = accumulate(mantissa, bytes[i]);
				i++;
			}
			fractionDigits = i - fractionStart;
			if (fractionDigits == 0) {
				return Double.NaN;
			}
		}
		if (integerDigits == 0) {
			return nonNumeric(bytes, start, end);
		}
		int exponent = 0;
		if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
			i++;
			boolean negativeExponent = false;
			if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
				negativeExponent = bytes[i] == '-';
				i++;
			}
			int exponentStart = i;
			while (i < end && isDigit(bytes[i]) && i - exponentStart < 6) {
				exponent = exponent * 10 + (bytes[i] - '0');
				i++;
			}
			if (i == exponentStart) {
				return Double.NaN;
			}
			exponent = negativeExponent ? -exponent : exponent;
		}
		if (i != end) {
			return Double.NaN;
		}
		int power = exponent - fractionDigits;
		if (mantissa < EXACT_MANTISSA && power >= -22 && power <= 22) {
			// Both operands are exact, so one IEEE operation rounds correctly.
			double value = (power >= 0) ? mantissa * POWERS_OF_TEN[power] : mantissa / POWERS_OF_TEN[-power];
			return negative ? -value : value;
		}
		if (mantissa != 0 && mantissa != Long.MAX_VALUE && EiselLemire.covers(power)) {
			// Up to 18 digits, such as a full-precision value: still exact, and rounded
			// the same.
			return EiselLemire.toDouble(mantissa, power, negative);
		}
		// More than 18 digits or an exponent beyond ±64: rare enough in CnosDB's answers
		// for a String to be fine.
		return Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
	}

	private static long accumulate(long mantissa, byte digit) {
		// Past 18 digits the value may overflow: Long.MAX_VALUE then sends it to the full
		// parser.
		return (mantissa < 100_000_000_000_000_000L) ? mantissa * 10 + (digit - '0') : Long.MAX_VALUE;
	}

	private static double nonNumeric(byte[] bytes, int start, int end) {
		if (isToken(bytes, start, end, "inf")) {
			return Double.POSITIVE_INFINITY;
		}
		if (isToken(bytes, start, end, "-inf")) {
			return Double.NEGATIVE_INFINITY;
		}
		return Double.NaN;
	}

	/** Whether the cell is exactly an ASCII token. */
	static boolean isToken(byte[] bytes, int start, int end, String token) {
		if (end - start != token.length()) {
			return false;
		}
		for (int i = 0; i < token.length(); i++) {
			if (bytes[start + i] != token.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads a timestamp in CnosDB's CSV layout, {@code yyyy-MM-ddTHH:mm:ss} with an
	 * optional fraction of 1 to 9 digits and no zone, as
	 * {@link CnosTimestamps#parseInstant} does.
	 * @return the instant, or {@code null} if the cell has another layout or is not a
	 * valid date and time
	 */
	static @Nullable Instant parseInstant(byte[] bytes, int start, int end) {
		int length = end - start;
		if (length < 19 || length == 20 || length > 29 || bytes[start + 4] != '-' || bytes[start + 7] != '-'
				|| bytes[start + 10] != 'T' || bytes[start + 13] != ':' || bytes[start + 16] != ':') {
			return null;
		}
		int century = twoDigits(bytes, start);
		int yearOfCentury = twoDigits(bytes, start + 2);
		int month = twoDigits(bytes, start + 5);
		int day = twoDigits(bytes, start + 8);
		int hour = twoDigits(bytes, start + 11);
		int minute = twoDigits(bytes, start + 14);
		int second = twoDigits(bytes, start + 17);
		if ((century | yearOfCentury | month | day | hour | minute | second) < 0) {
			return null;
		}
		int year = century * 100 + yearOfCentury;
		if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
				|| second > 59) {
			return null;
		}
		int nanos = (length > 19) ? nanos(bytes, start + 19, end) : 0;
		if (nanos < 0) {
			return null;
		}
		long epochSecond = epochDay(year, month, day) * 86_400 + hour * 3_600L + minute * 60L + second;
		return Instant.ofEpochSecond(epochSecond, nanos);
	}

	/**
	 * Two digits as a number, or a negative number if a byte is not a digit: the check
	 * has no branch, so a timestamp's six fields are tested together.
	 */
	private static int twoDigits(byte[] bytes, int start) {
		int tens = bytes[start] - '0';
		int ones = bytes[start + 1] - '0';
		int invalid = (tens | ones | (9 - tens) | (9 - ones)) & Integer.MIN_VALUE;
		return (tens * 10 + ones) | invalid;
	}

	/**
	 * A dot and 1 to 9 fraction digits as nanoseconds, or -1; nine digits, CnosDB's
	 * layout, eight at a time.
	 */
	private static int nanos(byte[] bytes, int start, int end) {
		if (bytes[start] != '.') {
			return -1;
		}
		if (end - start == 10) {
			long firstEight = ByteWords.read(bytes, start + 1);
			int last = bytes[start + 9] - '0';
			return (ByteWords.isEightDigits(firstEight) && last >= 0 && last <= 9)
					? ByteWords.eightDigits(firstEight) * 10 + last : -1;
		}
		int nanos = digits(bytes, start + 1, end);
		if (nanos < 0) {
			return -1;
		}
		for (int i = end - start - 1; i < 9; i++) {
			nanos *= 10;
		}
		return nanos;
	}

	/** The digits as a number, or -1 if a byte is not a digit. */
	private static int digits(byte[] bytes, int start, int end) {
		int value = 0;
		for (int i = start; i < end; i++) {
			int digit = bytes[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

	private static boolean isLeapYear(int year) {
		return (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
	}

	private static int daysInMonth(int year, int month) {
		return switch (month) {
			case 2 -> isLeapYear(year) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	/**
	 * Days from 1970-01-01 for a year from 1 to 9999, as {@code LocalDate.toEpochDay()}
	 * counts them.
	 */
	private static long epochDay(int year, int month, int day) {
		long y = year - 1;
		long daysBeforeYear = 365 * y + y / 4 - y / 100 + y / 400;
		int dayOfYear = DAYS_BEFORE_MONTH[month] + day + ((month > 2 && isLeapYear(year)) ? 1 : 0);
		// 719_162 days lie between 0001-01-01 and 1970-01-01.
		return daysBeforeYear + dayOfYear - 1 - 719_162;
	}

}

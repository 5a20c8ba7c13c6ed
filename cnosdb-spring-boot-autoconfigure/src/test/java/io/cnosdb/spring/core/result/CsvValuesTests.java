package io.cnosdb.spring.core.result;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The byte-level readers give exactly what the text conversions give, on many random
 * values, and decline (so the caller falls back) wherever they are not sure.
 */
class CsvValuesTests {

	private final SplittableRandom random = new SplittableRandom(42);

	@Test
	void doublesMatchDoubleParseDoubleBitForBit() {
		for (int i = 0; i < 200_000; i++) {
			String text = switch (i % 4) {
				case 0 -> Double.toString(Double.longBitsToDouble(this.random.nextLong()));
				case 1 -> Double.toString(this.random.nextDouble() * Math.pow(10, this.random.nextInt(-30, 30)));
				case 2 -> Double.toString(Math.round(this.random.nextDouble() * 1e6) / 100.0);
				default -> randomDecimal();
			};
			if (text.contains("N") || text.contains("I")) {
				continue;
			}
			double expected = Double.parseDouble(text);
			assertThat(Double.doubleToRawLongBits(parse(text))).as(text)
				.isEqualTo(Double.doubleToRawLongBits(expected));
		}
	}

	@Test
	void cnosDbInfinityTokensAreRead() {
		assertThat(parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(parse("-0.0")).isEqualTo(-0.0);
		assertThat(Double.doubleToRawLongBits(parse("-0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
	}

	@Test
	void otherDoubleLayoutsAreDeclined() {
		for (String text : new String[] { "NaN", "Infinity", "+1", ".5", "1.", "1e", "1e+", "0x1p3", " 1", "1 ", "1d",
				"1,5", "-", "", "1e1234567", "--1" }) {
			assertThat(parse(text)).as(text).isNaN();
		}
	}

	@Test
	void longsMatchLongParseLong() {
		for (int i = 0; i < 100_000; i++) {
			long value = this.random.nextLong() / (long) Math.pow(10, this.random.nextInt(19));
			String text = Long.toString(value);
			byte[] bytes = bytes(text);
			if (text.replace("-", "").length() <= 18) {
				assertThat(CsvValues.isPlainLong(bytes, 0, bytes.length)).as(text).isTrue();
				assertThat(CsvValues.parsePlainLong(bytes, 0, bytes.length)).isEqualTo(Long.parseLong(text));
			}
		}
	}

	@Test
	void longsThatMightOverflowOrAreNotPlainAreDeclined() {
		for (String text : new String[] { "9223372036854775807", "18446744073709551615", "+1", " 1", "1.0", "0x1F", "",
				"-", "1e3" }) {
			byte[] bytes = bytes(text);
			assertThat(CsvValues.isPlainLong(bytes, 0, bytes.length)).as(text).isFalse();
		}
	}

	@Test
	void timestampsMatchCnosTimestamps() {
		for (int i = 0; i < 100_000; i++) {
			long second = this.random.nextLong(LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
					LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC) + 1);
			LocalDateTime time = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
			int digits = this.random.nextInt(10);
			String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d", time.getYear(), time.getMonthValue(),
					time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
			if (digits > 0) {
				text += "."
						+ Long.toString(1_000_000_000L + this.random.nextInt(1_000_000_000)).substring(1, 1 + digits);
			}
			byte[] bytes = bytes(text);
			assertThat(CsvValues.parseInstant(bytes, 0, bytes.length)).as(text)
				.isEqualTo(CnosTimestamps.parseInstant(text));
		}
	}

	@Test
	void invalidOrOtherTimestampLayoutsAreDeclined() {
		for (String text : new String[] { "2023-02-29T00:00:00", "2024-02-30T00:00:00", "2023-13-01T00:00:00",
				"2023-00-01T00:00:00", "2023-01-01T24:00:00", "2023-01-01T00:60:00", "2023-01-01T00:00:60",
				"2023-01-01T00:00:00.", "2023-01-01T00:00:00.1234567890", "2023-01-01T00:00:00Z", "2023-01-01 00:00:00",
				"2023-01-01T00:00:00+01:00", "0000-01-01T00:00:00", "2023-01-01T00:00:0x" }) {
			byte[] bytes = bytes(text);
			assertThat(CsvValues.parseInstant(bytes, 0, bytes.length)).as(text).isNull();
		}
		assertThat(CnosTimestamps.parseInstant("2024-02-29T23:59:59.5"))
			.isEqualTo(CsvValues.parseInstant(bytes("2024-02-29T23:59:59.5"), 0, 21));
		assertThatIllegalArgumentException().isThrownBy(() -> CnosTimestamps.parseInstant("2023-02-29T00:00:00"));
	}

	@Test
	void everyByteAtEveryPlaceOfATimestampIsCheckedAsTheTextConversionChecksIt() {
		for (String text : new String[] { "2023-07-28T02:12:11", "2023-07-28T02:12:11.1", "2023-07-28T02:12:11.123",
				"2023-07-28T02:12:11.12345678", "2023-07-28T02:12:11.123456789" }) {
			for (int position = 0; position < text.length(); position++) {
				for (int value = 0; value < 256; value++) {
					byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
					bytes[position] = (byte) value;
					String mutated = new String(bytes, StandardCharsets.ISO_8859_1);
					Instant expected = isCsvLayout(mutated) ? parsedOrNull(mutated) : null;
					assertThat(CsvValues.parseInstant(bytes, 0, bytes.length)).as(mutated).isEqualTo(expected);
				}
			}
		}
	}

	private static boolean isCsvLayout(String text) {
		return text.charAt(10) == 'T' && text.substring(19).matches("(\\.[0-9]{1,9})?");
	}

	private static Instant parsedOrNull(String text) {
		try {
			return CnosTimestamps.parseInstant(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Test
	void readsWithinALargerBuffer() {
		byte[] bytes = bytes("x,12.5,-7,2023-07-28T02:12:11.000000001,y");
		assertThat(CsvValues.parseDoubleOrNaN(bytes, 2, 6)).isEqualTo(12.5);
		assertThat(CsvValues.parsePlainLong(bytes, 7, 9)).isEqualTo(-7);
		assertThat(CsvValues.parseInstant(bytes, 10, 39)).isEqualTo(Instant.parse("2023-07-28T02:12:11.000000001Z"));
	}

	private String randomDecimal() {
		StringBuilder text = new StringBuilder();
		if (this.random.nextBoolean()) {
			text.append('-');
		}
		int integerDigits = 1 + this.random.nextInt(20);
		for (int i = 0; i < integerDigits; i++) {
			text.append((char) ('0' + this.random.nextInt(10)));
		}
		if (this.random.nextBoolean()) {
			text.append('.');
			int fractionDigits = 1 + this.random.nextInt(20);
			for (int i = 0; i < fractionDigits; i++) {
				text.append((char) ('0' + this.random.nextInt(10)));
			}
		}
		if (this.random.nextInt(4) == 0) {
			text.append(this.random.nextBoolean() ? 'e' : 'E')
				.append(this.random.nextBoolean() ? "-" : "")
				.append(this.random.nextInt(330));
		}
		return text.toString();
	}

	private static double parse(String text) {
		byte[] bytes = bytes(text);
		return CsvValues.parseDoubleOrNaN(bytes, 0, bytes.length);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}

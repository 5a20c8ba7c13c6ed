package io.cnosdb.spring.core.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalDigitsTest {

	@Test
	void writesEveryDigitCountAndItsBoundaries() {
		List<Long> values = new ArrayList<>(
				List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, Integer.MAX_VALUE + 1L, (long) Integer.MAX_VALUE));
		long power = 1;
		for (int i = 0; i < 19; i++) {
			values.add(power - 1);
			values.add(power);
			values.add(power + 1);
			power *= 10;
		}
		// 10^19 and its neighbours, only reachable as unsigned.
		values.add(power);
		values.add(power - 1);
		for (long value : values) {
			assertUnsigned(value);
			assertSigned(value);
		}
	}

	@Test
	void writesRandomValuesOfEveryMagnitude() {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 200_000; i++) {
			long value = random.nextLong() >> random.nextInt(64);
			assertUnsigned(value);
			assertSigned(value);
		}
	}

	@Test
	void writesBackwardsEndingAtTheGivenIndex() {
		byte[] array = "xxxxxxxx".getBytes(StandardCharsets.US_ASCII);
		int start = DecimalDigits.writeBackwards(1234, array, 6);
		assertThat(start).isEqualTo(2);
		assertThat(new String(array, StandardCharsets.US_ASCII)).isEqualTo("xx1234xx");
	}

	private static void assertUnsigned(long value) {
		String expected = Long.toUnsignedString(value);
		assertThat(DecimalDigits.length(value)).as("length of %s", expected).isEqualTo(expected.length());
		byte[] array = new byte[DecimalDigits.MAX_UNSIGNED_LENGTH + 2];
		int end = DecimalDigits.write(value, array, 1);
		assertThat(new String(array, 1, end - 1, StandardCharsets.US_ASCII)).isEqualTo(expected);
	}

	private static void assertSigned(long value) {
		byte[] array = new byte[DecimalDigits.MAX_UNSIGNED_LENGTH + 1];
		int end = DecimalDigits.writeSigned(value, array, 0);
		assertThat(new String(array, 0, end, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
	}

}

package io.cnosdb.spring.core.result;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eight-bytes-at-a-time helpers agree with a byte-by-byte reading.
 */
class ByteWordsTests {

	private final SplittableRandom random = new SplittableRandom(11);

	@Test
	void readsLittleEndianAtAnyOffset() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		for (int offset = 0; offset <= bytes.length - 8; offset++) {
			long expected = 0;
			for (int i = 7; i >= 0; i--) {
				expected = (expected << 8) | (bytes[offset + i] & 0xFF);
			}
			assertThat(ByteWords.read(bytes, offset)).isEqualTo(expected);
		}
	}

	@Test
	void eightDigitsMatchIntegerParseInt() {
		for (int i = 0; i < 100_000; i++) {
			String text = String.format("%08d", this.random.nextInt(100_000_000));
			long word = ByteWords.read(text.getBytes(StandardCharsets.US_ASCII), 0);
			assertThat(ByteWords.isEightDigits(word)).as(text).isTrue();
			assertThat(ByteWords.eightDigits(word)).as(text).isEqualTo(Integer.parseInt(text));
		}
		assertThat(ByteWords.eightDigits(ByteWords.read(bytes("99999999"), 0))).isEqualTo(99_999_999);
	}

	@Test
	void anyNonDigitByteAtAnyPlaceIsSeen() {
		byte[] bytes = bytes("01234567");
		for (int position = 0; position < 8; position++) {
			for (int value = 0; value < 256; value++) {
				byte[] mutated = bytes.clone();
				mutated[position] = (byte) value;
				boolean digit = value >= '0' && value <= '9';
				assertThat(ByteWords.isEightDigits(ByteWords.read(mutated, 0))).as("%d at %d", value, position)
					.isEqualTo(digit);
			}
		}
	}

	@Test
	void randomWordsAreDigitsOnlyWhenEveryByteIs() {
		for (int i = 0; i < 100_000; i++) {
			byte[] bytes = new byte[8];
			for (int j = 0; j < 8; j++) {
				bytes[j] = (byte) (this.random.nextInt(4) > 0 ? '0' + this.random.nextInt(10)
						: this.random.nextInt(256));
			}
			boolean digits = true;
			for (byte b : bytes) {
				digits &= b >= '0' && b <= '9';
			}
			assertThat(ByteWords.isEightDigits(ByteWords.read(bytes, 0))).isEqualTo(digits);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}

package io.cnosdb.spring.core.result;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The cache hands back exactly what decoding the bytes gives, for any bytes at any
 * offset, and the same string for bytes seen before; bytes that are not UTF-8 fail.
 */
class ShortStringCacheTests {

	private final SplittableRandom random = new SplittableRandom(7);

	@Test
	void decodesAsNewStringDoesForManyMoreValuesThanSlots() {
		ShortStringCache cache = new ShortStringCache();
		List<byte[]> values = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			values.add(randomBytes(this.random.nextInt(0, 41)));
		}
		for (int round = 0; round < 3; round++) {
			for (byte[] value : values) {
				int offset = this.random.nextInt(0, 9);
				byte[] buffer = new byte[offset + value.length + this.random.nextInt(0, 9)];
				this.random.nextBytes(buffer);
				System.arraycopy(value, 0, buffer, offset, value.length);
				if (isUtf8(value)) {
					assertThat(cache.decode(buffer, offset, value.length))
						.isEqualTo(new String(value, StandardCharsets.UTF_8));
				}
				else {
					// Never U+FFFD in place of the malformed bytes.
					assertThatIllegalStateException().isThrownBy(() -> cache.decode(buffer, offset, value.length))
						.withMessageContaining("is not valid UTF-8");
				}
			}
		}
	}

	@Test
	void valuesThatShareTheirFirstOrLastEightBytesAreToldApart() {
		ShortStringCache cache = new ShortStringCache();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 10_000; i++) {
				for (String text : new String[] { String.format("server-%04d", i), String.format("%04d-us-east-1", i),
						String.format("region-%d-x", i), String.format("a%dcommon-suffix-of-20", i) }) {
					byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
					assertThat(cache.decode(bytes, 0, bytes.length)).isEqualTo(text);
				}
			}
		}
	}

	@Test
	void repeatedShortBytesGiveTheSameString() {
		ShortStringCache cache = new ShortStringCache();
		for (String text : List.of("server-0042", "us-east-1", "r1", "北京", "x".repeat(32))) {
			byte[] bytes = (",," + text + ",").getBytes(StandardCharsets.UTF_8);
			int length = bytes.length - 3;
			String first = cache.decode(bytes, 2, length);
			assertThat(first).isEqualTo(text);
			assertThat(cache.decode(bytes.clone(), 2, length)).isSameAs(first);
		}
	}

	@Test
	void longBytesAreDecodedAnew() {
		ShortStringCache cache = new ShortStringCache();
		byte[] bytes = "y".repeat(ShortStringCache.MAX_CACHED_LENGTH + 1).getBytes(StandardCharsets.US_ASCII);
		String first = cache.decode(bytes, 0, bytes.length);
		assertThat(cache.decode(bytes, 0, bytes.length)).isEqualTo(first).isNotSameAs(first);
	}

	/** ASCII, multi-byte UTF-8, or any bytes at all (malformed UTF-8 included). */
	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private byte[] randomBytes(int length) {
		return switch (this.random.nextInt(3)) {
			case 0 -> {
				byte[] bytes = new byte[length];
				for (int i = 0; i < length; i++) {
					bytes[i] = (byte) this.random.nextInt(' ', 127);
				}
				yield bytes;
			}
			case 1 -> {
				StringBuilder text = new StringBuilder();
				while (text.length() < length / 3) {
					text.appendCodePoint(this.random.nextInt(0x80, 0x3000));
				}
				yield text.toString().getBytes(StandardCharsets.UTF_8);
			}
			default -> {
				byte[] bytes = new byte[length];
				this.random.nextBytes(bytes);
				yield bytes;
			}
		};
	}

}

package io.cnosdb.spring.core.result;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 as {@link String#String(byte[], int, int, java.nio.charset.Charset)}
 * does, at its speed, but fails on malformed bytes instead of turning them into U+FFFD,
 * which would pass a corrupt answer off as text.
 * <p>
 * The constructor replaces every malformed sequence with U+FFFD, so only a string holding
 * one is decoded again, strictly, to tell a replacement from a U+FFFD the server sent.
 * The search costs nothing for text that fits Latin-1, as all ASCII does: such a string
 * cannot hold the character, and {@link String#indexOf(int)} answers without looking.
 */
final class StrictUtf8 {

	private static final char REPLACEMENT = '\uFFFD';

	private StrictUtf8() {
	}

	/**
	 * The text of {@code bytes[start .. start + length)}.
	 * @throws IllegalStateException naming the first malformed byte
	 */
	static String decode(byte[] bytes, int start, int length) {
		String text = new String(bytes, start, length, StandardCharsets.UTF_8);
		if (text.indexOf(REPLACEMENT) >= 0) {
			requireValid(bytes, start, length);
		}
		return text;
	}

	private static void requireValid(byte[] bytes, int start, int length) {
		ByteBuffer in = ByteBuffer.wrap(bytes, start, length);
		// A new decoder reports malformed input rather than replacing it.
		CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(length), true);
		if (result.isError()) {
			int offset = in.position() - start;
			throw new IllegalStateException(String.format(
					"is not valid UTF-8: byte 0x%02X at offset %d of %d cannot start or continue a character",
					bytes[in.position()] & 0xFF, offset, length));
		}
	}

}

package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A line protocol parser for tests that behaves like CnosDB 2.4's
 * ({@code common/protocol_parser/src/line_protocol/parser.rs}), including its quirks, so
 * that the encoder is checked against what the server would store rather than against its
 * own idea of the format:
 * <ul>
 * <li>a byte-level state machine; after a backslash only {@code , space \ " '} (plus
 * {@code =} outside the measurement) may follow, and in field values only
 * {@code ' " \};</li>
 * <li>the first character of a line and of the field set is consumed without escape
 * handling;</li>
 * <li>names are unescaped only for {@code \,} {@code \ } {@code \=}, and when a name
 * contains any backslash every {@code ,} space or {@code =} in it must be preceded by
 * one;</li>
 * <li>strings unescape {@code \"} and {@code \\}; numbers ending in {@code i} are i64, in
 * {@code u} u64, otherwise f64 (decimal syntax only, as the first byte must be a sign or
 * digit); booleans {@code t T true True TRUE f F false False FALSE}.</li>
 * </ul>
 * Duplicate keys are reported instead of deduplicated, and tags/fields keep their order
 * (the server sorts).
 */
final class CnosLineProtocolParser {

	private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	/**
	 * What fast_float reads besides decimals; the server's parser needs the sign first to
	 * try it.
	 */
	private static final Pattern NON_FINITE = Pattern.compile("[+-](?i)(nan|inf|infinity)");

	private static final Pattern SIGNED = Pattern.compile("[+-]?\\d+");

	private static final Pattern UNSIGNED = Pattern.compile("\\d+");

	private CnosLineProtocolParser() {
	}

	/** One parsed line; {@code timestamp} is {@code null} when the line has none. */
	record Line(String table, Map<String, String> tags, Map<String, Object> fields, Long timestamp) {
	}

	private enum State {

		LINE_BEGIN, TABLE, TAG_KEY, TAG_VALUE, FIELD_KEY, FIELD_VALUE, TIMESTAMP

	}

	static List<Line> parse(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return parse(bytes, bytes.length);
	}

	static List<Line> parse(byte[] data, int length) {
		List<Line> lines = new ArrayList<>();
		State state = State.LINE_BEGIN;
		boolean comment = false;
		boolean skipSpace = false;
		boolean nextEscape = false;
		boolean insideQuotes = false;
		int keyStart = 0;
		int keyEnd = 0;
		boolean keyEscaped = false;
		int valueStart = 0;
		boolean valueEscaped = false;
		LineBuilder line = new LineBuilder();
		for (int i = 0; i < length; i++) {
			byte c = data[i];
			switch (state) {
				case LINE_BEGIN -> {
					if (comment && (c == '\r' || c == '\n')) {
						comment = false;
						continue;
					}
					if (comment || isAsciiWhitespace(c)) {
						continue;
					}
					if (c == '#') {
						comment = true;
						continue;
					}
					// Like the server, the first character is not examined for escapes.
					keyStart = i;
					keyEscaped = false;
					state = State.TABLE;
				}
				case TABLE -> {
					if (skipSpace) {
						if (c != ' ') {
							skipSpace = false;
							keyStart = i;
							keyEscaped = false;
							state = State.FIELD_KEY;
						}
						continue;
					}
					if (nextEscape) {
						requireEscapable(c, ",\\ \"'", i);
						nextEscape = false;
					}
					else if (c == '\\') {
						nextEscape = true;
						keyEscaped = true;
					}
					else if (c == ',') {
						line.table = unescapeName(data, keyStart, i, keyEscaped);
						keyStart = i + 1;
						keyEscaped = false;
						state = State.TAG_KEY;
					}
					else if (c == ' ') {
						line.table = unescapeName(data, keyStart, i, keyEscaped);
						skipSpace = true;
					}
				}
				case TAG_KEY -> {
					if (nextEscape) {
						requireEscapable(c, ",\\ \"'=", i);
						nextEscape = false;
					}
					else if (c == '\\') {
						nextEscape = true;
						keyEscaped = true;
					}
					else if (c == '=') {
						keyEnd = i;
						valueStart = i + 1;
						valueEscaped = false;
						state = State.TAG_VALUE;
					}
				}
				case TAG_VALUE -> {
					if (skipSpace) {
						if (c != ' ') {
							skipSpace = false;
							keyStart = i;
							keyEscaped = false;
							state = State.FIELD_KEY;
						}
						continue;
					}
					if (nextEscape) {
						requireEscapable(c, ",\\ \"'=", i);
						nextEscape = false;
					}
					else if (c == '\\') {
						nextEscape = true;
						valueEscaped = true;
					}
					else if (c == ',' || c == ' ') {
						line.tag(unescapeName(data, keyStart, keyEnd, keyEscaped),
								unescapeName(data, valueStart, i, valueEscaped));
						if (c == ',') {
							keyStart = i + 1;
							keyEscaped = false;
							state = State.TAG_KEY;
						}
						else {
							skipSpace = true;
						}
					}
				}
				case FIELD_KEY -> {
					if (nextEscape) {
						requireEscapable(c, ",\\ \"'=", i);
						nextEscape = false;
					}
					else if (c == '\\') {
						nextEscape = true;
						keyEscaped = true;
					}
					else if (c == '=') {
						keyEnd = i;
						valueStart = i + 1;
						valueEscaped = false;
						state = State.FIELD_VALUE;
					}
				}
				case FIELD_VALUE -> {
					if (skipSpace) {
						if (c != ' ') {
							skipSpace = false;
							keyStart = i;
							state = State.TIMESTAMP;
						}
						continue;
					}
					if (nextEscape) {
						requireEscapable(c, "'\"\\", i);
						nextEscape = false;
					}
					else if (c == '"') {
						insideQuotes = !insideQuotes;
					}
					else if (c == '\\') {
						nextEscape = true;
						valueEscaped = true;
					}
					else if (!insideQuotes && (c == ',' || c == ' ' || c == '\r' || c == '\n')) {
						line.field(unescapeName(data, keyStart, keyEnd, keyEscaped),
								fieldValue(data, valueStart, i, valueEscaped));
						if (c == ',') {
							keyStart = i + 1;
							keyEscaped = false;
							state = State.FIELD_KEY;
						}
						else if (c == ' ') {
							skipSpace = true;
						}
						else {
							lines.add(line.build(null));
							line = new LineBuilder();
							state = State.LINE_BEGIN;
						}
					}
				}
				case TIMESTAMP -> {
					if (isAsciiWhitespace(c)) {
						lines.add(line.build(timestamp(data, keyStart, i)));
						line = new LineBuilder();
						state = State.LINE_BEGIN;
					}
				}
			}
		}
		switch (state) {
			case LINE_BEGIN -> {
			}
			case TIMESTAMP -> lines.add(line.build(timestamp(data, keyStart, length)));
			case FIELD_VALUE -> {
				if (insideQuotes) {
					throw new IllegalStateException("unexpected end of line inside quotes");
				}
				line.field(unescapeName(data, keyStart, keyEnd, keyEscaped),
						fieldValue(data, valueStart, length, valueEscaped));
				lines.add(line.build(null));
			}
			default -> throw new IllegalStateException("unexpected end of line in state " + state);
		}
		return lines;
	}

	private static boolean isAsciiWhitespace(byte c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
	}

	private static void requireEscapable(byte c, String allowed, int position) {
		if (allowed.indexOf(c) < 0) {
			throw new IllegalStateException("unexpected token '" + (char) c + "' after a backslash at " + position);
		}
	}

	/**
	 * The server's {@code escape}: drops the backslash before , space and =, keeps every
	 * other byte.
	 */
	private static String unescapeName(byte[] data, int start, int end, boolean escaped) {
		if (!escaped) {
			return utf8(Arrays.copyOfRange(data, start, end));
		}
		ByteBuffer out = ByteBuffer.allocate(end - start);
		for (int i = start; i + 1 < end; i++) {
			byte next = data[i + 1];
			if (next == ',' || next == ' ' || next == '=') {
				if (data[i] != '\\') {
					throw new IllegalStateException("invalid syntax: unescaped '" + (char) next + "'");
				}
				continue;
			}
			out.put(data[i]);
		}
		out.put(data[end - 1]);
		return utf8(Arrays.copyOf(out.array(), out.position()));
	}

	private static Object fieldValue(byte[] data, int start, int end, boolean escaped) {
		if (start >= end) {
			throw new IllegalStateException("empty field value");
		}
		String text = utf8(Arrays.copyOfRange(data, start, end));
		byte first = data[start];
		if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
			if (text.length() == 1 || List.of("true", "True", "TRUE", "false", "False", "FALSE").contains(text)) {
				return first == 't' || first == 'T';
			}
			throw new IllegalStateException("invalid field value: " + text);
		}
		if (first == '"') {
			if (end - start < 2 || data[end - 1] != '"') {
				throw new IllegalStateException("invalid string field value: " + text);
			}
			return unescapeString(data, start + 1, end - 1, escaped);
		}
		if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
			return number(text);
		}
		throw new IllegalStateException("invalid field value: " + text);
	}

	private static Object number(String text) {
		String digits = text.substring(0, text.length() - 1);
		if (text.endsWith("i")) {
			require(SIGNED, digits, text);
			return Long.parseLong(digits);
		}
		if (text.endsWith("u")) {
			require(UNSIGNED, digits, text);
			return new BigInteger(Long.toUnsignedString(Long.parseUnsignedLong(digits)));
		}
		if (NON_FINITE.matcher(text).matches()) {
			String lower = text.toLowerCase(java.util.Locale.ROOT);
			return lower.contains("nan") ? Double.NaN
					: lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
		}
		require(FLOAT, text, text);
		return Double.parseDouble(text);
	}

	private static void require(Pattern pattern, String text, String value) {
		if (!pattern.matcher(text).matches()) {
			throw new IllegalStateException("invalid field value: " + value);
		}
	}

	/** The server's {@code escaped_field_value}, window by window. */
	private static String unescapeString(byte[] data, int start, int end, boolean escaped) {
		if (!escaped || start == end) {
			return utf8(Arrays.copyOfRange(data, start, end));
		}
		ByteBuffer out = ByteBuffer.allocate(end - start);
		boolean inUnescape = false;
		for (int i = start; i + 1 < end; i++) {
			byte current = data[i];
			byte next = data[i + 1];
			if (current == '\\' && (next == '"' || next == '\\')) {
				if (inUnescape && next == '"') {
					throw new IllegalStateException("invalid string escape at " + i);
				}
				if (!inUnescape) {
					inUnescape = true;
					continue;
				}
			}
			out.put(current);
			inUnescape = false;
		}
		out.put(data[end - 1]);
		return utf8(Arrays.copyOf(out.array(), out.position()));
	}

	private static Long timestamp(byte[] data, int start, int end) {
		String text = new String(data, start, end - start, StandardCharsets.US_ASCII);
		if (!SIGNED.matcher(text).matches()) {
			throw new IllegalStateException("fail to parse timestamp: " + text);
		}
		return Long.parseLong(text);
	}

	private static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalStateException("invalid UTF-8", ex);
		}
	}

	private static final class LineBuilder {

		private String table = "";

		private final Map<String, String> tags = new LinkedHashMap<>();

		private final Map<String, Object> fields = new LinkedHashMap<>();

		void tag(String key, String value) {
			if (this.tags.put(key, value) != null) {
				throw new IllegalStateException("duplicate tag " + key);
			}
		}

		void field(String key, Object value) {
			if (this.fields.put(key, value) != null) {
				throw new IllegalStateException("duplicate field " + key);
			}
		}

		Line build(Long timestamp) {
			return new Line(this.table, this.tags, this.fields, timestamp);
		}

	}

}

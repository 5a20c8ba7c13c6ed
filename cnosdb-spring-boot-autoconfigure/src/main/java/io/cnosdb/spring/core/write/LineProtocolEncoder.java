package io.cnosdb.spring.core.write;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosMessageValues;

/**
 * Encodes {@link Point points} as CnosDB line protocol straight into a
 * {@link LineProtocolBuffer}:
 * {@code measurement[,tagKey=tagValue...] fieldKey=fieldValue[,...] [timestamp]\n},
 * UTF-8, one point per line, the timestamp in this encoder's precision.
 * <p>
 * The rules follow the CnosDB 2.4 parser, which differs from InfluxDB's:
 * <ul>
 * <li>In names (measurement, tag keys, tag values, field keys) {@code ,} and space are
 * escaped with a backslash, and so is {@code =} except in the measurement. The server
 * unescapes only those three, and keeps {@code \\}, {@code \"} and {@code \'} as two
 * characters, so a backslash in a name is written as it is when followed by another
 * backslash, a double or a single quote (taken as a pair). A backslash followed by
 * {@code ,}, space or {@code =} is written doubled with the character bare, which the
 * server reads back as backslash and character, but only where that character does not
 * end the element ({@code =} in a measurement or tag value, {@code ,} and space in a tag
 * key or field key). The server takes the first byte of a line and of the field set as it
 * is, so a backslash starting the measurement or the first field key is written alone.
 * Any other backslash cannot be represented and is refused.</li>
 * <li>String field values are quoted, with {@code \} and {@code "} escaped; newlines are
 * allowed.</li>
 * <li>Integers get {@code i}, unsigned integers {@code u}; doubles are written so that
 * they parse back to the same bits; booleans as {@code true}/{@code false}.</li>
 * </ul>
 * A point is refused with an {@link IllegalArgumentException} naming it and the rule
 * when: the measurement, a tag key, tag value or field key is empty or contains a newline
 * or carriage return, or an unpaired surrogate; a backslash cannot be represented (see
 * above); the measurement contains {@code /} (a table CnosDB does not keep); the
 * measurement starts with {@code #} (a comment), a tab or form feed (skipped as leading
 * blank), a comma or a space (the server does not unescape the first character of a
 * line); the measurement holds a bare {@code =} after its first character together with a
 * backslash after its first character (the server then requires {@code =} to be escaped,
 * yet refuses {@code \=} in a measurement); every field key starts with a comma, space or
 * {@code =} (the first field key has the same quirk, so a field that can start is written
 * first); there is no field; a string value has an unpaired surrogate; the time cannot be
 * expressed in this precision; or there is no time and the precision is not nanoseconds
 * (the server would take its nanosecond clock as a count of this precision's units).
 * <p>
 * An encoder may add {@link DefaultTags} to every point, after the point's own tags,
 * leaving out those the point has a tag or field of.
 * <p>
 * A refused point leaves the buffer as it was before the call. Instances are thread-safe;
 * buffers are not.
 * <p>
 * Encoding allocates nothing once the names in use are known: the buffer is grown once
 * per point to a bound on its length, the bytes of measurements, tag keys and field keys
 * are kept in a bounded {@link EscapedNames} and copied, tag values and strings without
 * anything to escape are copied as they are, and numbers are written digit by digit
 * ({@link ShortestDouble} for doubles).
 */
public final class LineProtocolEncoder {

	/**
	 * UTF-8 needs at most 3 bytes per UTF-16 char, and an escaped ASCII char takes at
	 * most 2 (3 for 2 chars).
	 */
	private static final int MAX_BYTES_PER_CHAR = 3;

	/**
	 * The most bytes a field value takes besides the chars of a string: a double, a long
	 * with its suffix.
	 */
	private static final int MAX_VALUE_LENGTH = Math.max(ShortestDouble.MAX_LENGTH,
			DecimalDigits.MAX_UNSIGNED_LENGTH + 1);

	/** The longest timestamp, with its sign. */
	private static final int MAX_TIMESTAMP_LENGTH = DecimalDigits.MAX_UNSIGNED_LENGTH + 1;

	/**
	 * The characters names escape or refuse, so that all others can be copied as they
	 * are.
	 */
	private static final boolean[] SPECIAL_IN_NAMES = asciiSet(", =\\\n\r");

	/** The characters string field values escape. */
	private static final boolean[] SPECIAL_IN_STRINGS = asciiSet("\"\\");

	private static final byte[] TRUE = { 't', 'r', 'u', 'e' };

	private static final byte[] PLUS_NAN = { '+', 'N', 'a', 'N' };

	private static final byte[] PLUS_INF = { '+', 'i', 'n', 'f' };

	private static final byte[] MINUS_INF = { '-', 'i', 'n', 'f' };

	private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

	private final CnosPrecision precision;

	private final DefaultTags defaultTags;

	private final EscapedNames names = new EscapedNames();

	/**
	 * Creates an encoder writing nanosecond timestamps, the server's default precision.
	 */
	public LineProtocolEncoder() {
		this(CnosPrecision.NS);
	}

	/**
	 * Creates an encoder writing timestamps in the given precision; the write request
	 * must then carry the same {@code precision} parameter.
	 */
	public LineProtocolEncoder(CnosPrecision precision) {
		this(precision, DefaultTags.NONE);
	}

	/**
	 * Creates an encoder writing timestamps in the given precision and adding the default
	 * tags to every point that has no tag or field of their names.
	 */
	public LineProtocolEncoder(CnosPrecision precision, DefaultTags defaultTags) {
		if (precision == null) {
			throw new IllegalArgumentException("Precision must not be null");
		}
		if (defaultTags == null) {
			throw new IllegalArgumentException("Default tags must not be null");
		}
		this.precision = precision;
		this.defaultTags = defaultTags;
	}

	/** The precision timestamps are written in. */
	public CnosPrecision precision() {
		return this.precision;
	}

	/** The tags added to points that lack them. */
	public DefaultTags defaultTags() {
		return this.defaultTags;
	}

	/**
	 * Appends the point as one line, terminated by {@code \n}.
	 * @param point the point to write
	 * @param buffer the buffer to append to
	 * @throws IllegalArgumentException if the point cannot be written exactly; the buffer
	 * is then unchanged
	 */
	public void encode(Point point, LineProtocolBuffer buffer) {
		// Everything that depends on the point as a whole is settled before the first
		// byte is written.
		int fieldCount = point.fieldCount();
		if (fieldCount == 0) {
			throw refuse(point, "at least one field is required");
		}
		int leadingField = leadingField(point);
		boolean writeTime = point.hasTime();
		long timestamp = writeTime ? point.timestampIn(this.precision, LineProtocolEncoder::refuse) : 0;
		if (!writeTime && this.precision != CnosPrecision.NS) {
			throw refuse(point, "a time is required in " + this.precision.wireValue() + " precision, because "
					+ "CnosDB fills a missing time with its clock in nanoseconds whatever the precision");
		}
		// The bytes go past the buffer's size and are committed only once the whole line
		// is written, so a
		// point refused half-way leaves the buffer as it was.
		byte[] array = buffer.reserve(maxLength(point) + this.defaultTags.maxLength());
		int position = buffer.size();
		position = writeKey(point, point.getMeasurement(), Element.MEASUREMENT, true, array, position);
		for (int i = 0; i < point.tagCount(); i++) {
			array[position++] = ',';
			position = writeKey(point, point.tagKey(i), Element.TAG_KEY, false, array, position);
			array[position++] = '=';
			position = writeName(point, point.tagValue(i), Element.TAG_VALUE, false, array, position);
		}
		if (!this.defaultTags.isEmpty()) {
			position = this.defaultTags.write(point, array, position);
		}
		array[position++] = ' ';
		position = writeField(point, leadingField, true, array, position);
		for (int i = 0; i < fieldCount; i++) {
			if (i != leadingField) {
				array[position++] = ',';
				position = writeField(point, i, false, array, position);
			}
		}
		if (writeTime) {
			array[position++] = ' ';
			position = DecimalDigits.writeSigned(timestamp, array, position);
		}
		array[position++] = '\n';
		buffer.commit(position);
	}

	/**
	 * A tag as written in a line, {@code ,key=value}, for {@link DefaultTags}.
	 * @throws IllegalArgumentException if the key or value cannot be written as a tag
	 */
	static byte[] encodeTag(String key, String value) {
		byte[] array = new byte[(key.length() + value.length()) * MAX_BYTES_PER_CHAR + 2];
		array[0] = ',';
		int position = writeName(null, key, Element.TAG_KEY, false, array, 1);
		array[position++] = '=';
		position = writeName(null, value, Element.TAG_VALUE, false, array, position);
		return Arrays.copyOf(array, position);
	}

	/**
	 * An upper bound of the bytes the point's line takes, so that the buffer grows at
	 * most once per point.
	 */
	private static int maxLength(Point point) {
		// Each name and string value char takes at most 3 bytes; each tag adds ',' and
		// '='; each field ',' or ' ',
		// '=' and at most MAX_VALUE_LENGTH (two quotes for strings); then ' ', the
		// timestamp and '\n'; and room
		// for a kept name to be stored in whole words.
		long total = point.textLength() * MAX_BYTES_PER_CHAR + 2L * point.tagCount()
				+ (2L + MAX_VALUE_LENGTH) * point.fieldCount() + 2 + MAX_TIMESTAMP_LENGTH + EscapedNames.WRITE_SLACK;
		// Beyond an int the buffer cannot grow anyway, and says so.
		return (int) Math.min(total, Integer.MAX_VALUE);
	}

	/**
	 * The field to write first. CnosDB's parser skips the escape handling of the first
	 * character of the field set, so a key starting with a character we escape would be
	 * misread there but not later.
	 */
	private static int leadingField(Point point) {
		for (int i = 0; i < point.fieldCount(); i++) {
			if (canStartToken(point.fieldKey(i), Element.FIELD_KEY)) {
				return i;
			}
		}
		throw refuse(point, "every field key starts with ',', ' ' or '=', which the first field key cannot, "
				+ "because CnosDB does not unescape the first character of the field set");
	}

	/**
	 * Whether a name can be the first token of a line or of the field set, where the
	 * server consumes the first byte without escape handling, so an escaped first
	 * character would be misread.
	 */
	private static boolean canStartToken(String name, Element element) {
		if (name.isEmpty()) {
			// Let the emptiness check report it with its own message.
			return true;
		}
		char first = name.charAt(0);
		return first != ',' && first != ' ' && (first != '=' || element == Element.MEASUREMENT);
	}

	private int writeField(Point point, int index, boolean leading, byte[] array, int position) {
		String key = point.fieldKey(index);
		position = writeKey(point, key, Element.FIELD_KEY, leading, array, position);
		array[position++] = '=';
		long bits = point.fieldBits(index);
		return switch (point.fieldType(index)) {
			case DOUBLE -> writeDouble(point, key, Double.longBitsToDouble(bits), array, position);
			case LONG -> {
				int end = DecimalDigits.writeSigned(bits, array, position);
				array[end] = 'i';
				yield end + 1;
			}
			case UNSIGNED -> {
				int end = DecimalDigits.write(bits, array, position);
				array[end] = 'u';
				yield end + 1;
			}
			case BOOLEAN -> {
				byte[] text = (bits != 0) ? TRUE : FALSE;
				System.arraycopy(text, 0, array, position, text.length);
				yield position + text.length;
			}
			case STRING -> writeString(point, key, point.fieldText(index), array, position);
		};
	}

	private static int writeDouble(Point point, String key, double value, byte[] array, int position) {
		if (!Double.isFinite(value)) {
			// The server reads floats with fast_float, which knows nan and inf, but only
			// after a sign: its parser takes a field for a number by a leading +, - or
			// digit.
			// Read back, a query answers NaN, inf and -inf.
			byte[] text = Double.isNaN(value) ? PLUS_NAN : (value > 0) ? PLUS_INF : MINUS_INF;
			System.arraycopy(text, 0, array, position, text.length);
			return position + text.length;
		}
		// The shortest decimal that reads back exactly; its 1.0E10 form is accepted by
		// the server's fast_float.
		return ShortestDouble.write(value, array, position);
	}

	private static int writeString(Point point, String key, String value, byte[] array, int position) {
		array[position++] = '"';
		int length = value.length();
		int i = 0;
		// Most strings have nothing to escape or encode: copy them until the first char
		// that has.
		while (i < length && isPlain(value.charAt(i), SPECIAL_IN_STRINGS)) {
			array[position++] = (byte) value.charAt(i++);
		}
		for (; i < length; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				if (SPECIAL_IN_STRINGS[c]) {
					array[position++] = '\\';
				}
				array[position++] = (byte) c;
			}
			else {
				position = putNonAscii(value, i, array, position);
				if (position < 0) {
					throw unpairedSurrogate(point, "string field '" + CnosMessageValues.abbreviate(key) + "'", i);
				}
				if (Character.isHighSurrogate(c)) {
					i++;
				}
			}
		}
		array[position++] = '"';
		return position;
	}

	/**
	 * Writes a measurement, tag key or field key. Writers repeat these on every point, so
	 * their bytes are kept; tag values are not, as they can take any number of values.
	 */
	private int writeKey(Point point, String name, Element element, boolean leading, byte[] array, int position) {
		int role = 2 * element.ordinal() + (leading ? 1 : 0);
		EscapedNames.Name known = this.names.get(name, role);
		if (known != null) {
			return EscapedNames.write(known, array, position);
		}
		int end = writeName(point, name, element, leading, array, position);
		this.names.put(name, role, array, position, end);
		return end;
	}

	/**
	 * Writes a name. A {@code leading} name starts a line or the field set, whose first
	 * byte the server takes as it is: a backslash there is a literal one, and escaping
	 * resumes with the next character.
	 */
	private static int writeName(@Nullable Point point, String name, Element element, boolean leading, byte[] array,
			int position) {
		int length = name.length();
		if (length == 0) {
			throw refuse(point, element.label + " must not be empty");
		}
		if (element == Element.MEASUREMENT && point != null) {
			checkMeasurement(point, name);
		}
		int start = position;
		int i = 0;
		if (leading && name.charAt(0) == '\\') {
			array[position++] = '\\';
			i = 1;
		}
		// Most names have nothing to escape or encode: copy them until the first char
		// that has.
		while (i < length && isPlain(name.charAt(i), SPECIAL_IN_NAMES)) {
			array[position++] = (byte) name.charAt(i++);
		}
		return (i < length) ? writeEscapedName(point, name, element, i, array, start, position) : position;
	}

	/**
	 * Writes the rest of a name from {@code index} on, escaping and encoding as needed.
	 */
	private static int writeEscapedName(@Nullable Point point, String name, Element element, int index, byte[] array,
			int start, int position) {
		int length = name.length();
		// The server reads a name strictly (every ',', ' ' and '=' escaped) once it meets
		// a backslash; one in
		// the very first byte of a line is skipped unexamined, so only later ones count.
		boolean backslashAfterStart = false;
		boolean equalsAfterStart = false;
		for (int i = index; i < length; i++) {
			char c = name.charAt(i);
			if (c >= 0x80) {
				position = putNonAscii(name, i, array, position);
				if (position < 0) {
					throw unpairedSurrogate(point, describe(element, name), i);
				}
				if (Character.isHighSurrogate(c)) {
					i++;
				}
				continue;
			}
			switch (c) {
				case '\n', '\r' -> throw refuse(point,
						describe(element, name) + " must not contain a newline or " + "carriage return");
				case ',', ' ' -> {
					backslashAfterStart |= (position > start);
					array[position++] = '\\';
					array[position++] = (byte) c;
				}
				case '=' -> {
					if (element == Element.MEASUREMENT) {
						// The server accepts a bare '=' in a measurement and refuses
						// '\='.
						array[position++] = '=';
						equalsAfterStart |= (i > 0);
					}
					else {
						array[position++] = '\\';
						array[position++] = '=';
					}
				}
				case '\\' -> {
					char next = (i + 1 < length) ? name.charAt(i + 1) : 0;
					if (next == '\\' || next == '"' || next == '\'') {
						// Kept by the server as the same two characters.
						backslashAfterStart |= (position > start);
						array[position++] = '\\';
						array[position++] = (byte) next;
					}
					else if ((next == ',' || next == ' ' || next == '=') && !element.endsAt(next)) {
						// The server reads '\\' as a pair, then a bare character that
						// does not end this element,
						// and finally drops the backslash in front of it: '\\,' becomes
						// '\,'.
						backslashAfterStart |= (position > start);
						array[position++] = '\\';
						array[position++] = '\\';
						array[position++] = (byte) next;
					}
					else {
						throw refuse(point,
								describe(element, name) + " has a backslash followed by "
										+ ((i + 1 < length) ? "'" + next + "'" : "nothing")
										+ ", which CnosDB cannot store as " + "written in a " + element.label);
					}
					i++;
				}
				default -> array[position++] = (byte) c;
			}
		}
		if (equalsAfterStart && backslashAfterStart) {
			throw refuse(point, describe(element, name) + " has '=' and a backslash (its own or escaping ',' or ' ') "
					+ "after its first character; CnosDB then requires '=' to be escaped but refuses '\\=' in a "
					+ "measurement");
		}
		return position;
	}

	private static void checkMeasurement(Point point, String name) {
		if (name.indexOf('/') >= 0) {
			// The measurement is the table, stored as a path: CnosDB 2.4.2 answers 200 to
			// such a
			// write and keeps nothing, and 2.4.3 refuses '/' in table names.
			throw refuse(point, "measurement must not contain '/': CnosDB does not keep tables named so (2.4.2 "
					+ "accepts the write and stores nothing)");
		}
		char first = name.charAt(0);
		if (first == '#') {
			throw refuse(point, "measurement must not start with '#', which makes the line a comment");
		}
		if (first == '\t' || first == '\f') {
			throw refuse(point, "measurement must not start with a tab or form feed, which the server skips");
		}
		if (!canStartToken(name, Element.MEASUREMENT)) {
			throw refuse(point, "measurement must not start with ',' or ' ', because CnosDB does not unescape the "
					+ "first character of a line");
		}
	}

	/**
	 * Writes the non-ASCII char at {@code index} (with its low surrogate, if any) as
	 * UTF-8.
	 * @return the index after the bytes written, or -1 if the char is an unpaired
	 * surrogate
	 */
	private static int putNonAscii(String text, int index, byte[] array, int position) {
		char c = text.charAt(index);
		if (c < 0x800) {
			array[position++] = (byte) (0xC0 | (c >> 6));
			array[position++] = (byte) (0x80 | (c & 0x3F));
			return position;
		}
		if (!Character.isSurrogate(c)) {
			array[position++] = (byte) (0xE0 | (c >> 12));
			array[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
			array[position++] = (byte) (0x80 | (c & 0x3F));
			return position;
		}
		char low = (index + 1 < text.length()) ? text.charAt(index + 1) : 0;
		if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
			return -1;
		}
		int codePoint = Character.toCodePoint(c, low);
		array[position++] = (byte) (0xF0 | (codePoint >> 18));
		array[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
		array[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
		array[position++] = (byte) (0x80 | (codePoint & 0x3F));
		return position;
	}

	/**
	 * Whether the char is ASCII and not in the given set, so that its byte can be copied
	 * as it is.
	 */
	private static boolean isPlain(char c, boolean[] special) {
		return c < 0x80 && !special[c];
	}

	private static boolean[] asciiSet(String chars) {
		boolean[] set = new boolean[0x80];
		for (int i = 0; i < chars.length(); i++) {
			set[chars.charAt(i)] = true;
		}
		return set;
	}

	private static IllegalArgumentException unpairedSurrogate(@Nullable Point point, String what, int index) {
		return refuse(point, what + " has an unpaired surrogate at index " + index + ", which is not valid UTF-8");
	}

	private static String describe(Element element, String name) {
		return element.label + " '" + CnosMessageValues.abbreviate(name) + "'";
	}

	/**
	 * The refusal of a point, or of a default tag when there is no point.
	 */
	private static IllegalArgumentException refuse(@Nullable Point point, String rule) {
		String subject = (point != null) ? point.describe() : "A default tag";
		return new IllegalArgumentException(subject + " cannot be written as line protocol: " + rule);
	}

	private enum Element {

		MEASUREMENT("measurement", ", "), TAG_KEY("tag key", "="), TAG_VALUE("tag value", ", "),
		FIELD_KEY("field key", "=");

		private final String label;

		/**
		 * The characters that end this element in the server's state machine when not
		 * escaped.
		 */
		private final String terminators;

		Element(String label, String terminators) {
			this.label = label;
			this.terminators = terminators;
		}

		boolean endsAt(char c) {
			return this.terminators.indexOf(c) >= 0;
		}

	}

}

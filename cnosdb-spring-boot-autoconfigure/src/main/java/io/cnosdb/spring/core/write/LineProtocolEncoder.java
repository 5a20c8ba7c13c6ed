package io.cnosdb.spring.core.write;

import java.util.Map;

import io.cnosdb.spring.core.CnosPrecision;

/**
 * Encodes {@link Point points} as CnosDB line protocol straight into a {@link LineProtocolBuffer}:
 * {@code measurement[,tagKey=tagValue...] fieldKey=fieldValue[,...] [timestamp]\n}, UTF-8, one point per
 * line, the timestamp in this encoder's precision.
 * <p>
 * The rules follow the CnosDB 2.4 parser, which differs from InfluxDB's:
 * <ul>
 * <li>In names (measurement, tag keys, tag values, field keys) {@code ,} and space are escaped with a
 * backslash, and so is {@code =} except in the measurement. The server unescapes only those three, and
 * keeps {@code \\}, {@code \"} and {@code \'} as two characters, so a backslash in a name is written as
 * it is when followed by another backslash, a double or a single quote (taken as a pair). A backslash
 * followed by {@code ,}, space or {@code =} is written doubled with the character bare, which the server
 * reads back as backslash and character, but only where that character does not end the element
 * ({@code =} in a measurement or tag value, {@code ,} and space in a tag key or field key). The server
 * takes the first byte of a line and of the field set as it is, so a backslash starting the measurement
 * or the first field key is written alone. Any other backslash cannot be represented and is refused.</li>
 * <li>String field values are quoted, with {@code \} and {@code "} escaped; newlines are allowed.</li>
 * <li>Integers get {@code i}, unsigned integers {@code u}; doubles are written so that they parse back
 * to the same bits; booleans as {@code true}/{@code false}.</li>
 * </ul>
 * A point is refused with an {@link IllegalArgumentException} naming it and the rule when: the
 * measurement, a tag key, tag value or field key is empty or contains a newline or carriage return, or an
 * unpaired surrogate; a backslash cannot be represented (see above); the measurement starts with
 * {@code #} (a comment), a tab or form feed (skipped as leading blank), a comma or a space (the server
 * does not unescape the first character of a line); the measurement
 * holds a bare {@code =} after its first character together with a backslash after its first character
 * (the server then requires {@code =} to be escaped, yet refuses {@code \=} in a measurement); every field
 * key starts with a comma, space or {@code =} (the first field key has the same quirk, so a field that
 * can start is written first);
 * there is no field; a double is NaN or infinite; a string value has an unpaired surrogate; the time
 * cannot be expressed in this precision; or there is no time and the precision is not nanoseconds (the
 * server would take its nanosecond clock as a count of this precision's units).
 * <p>
 * A refused point leaves the buffer as it was before the call. Instances are immutable and thread-safe;
 * buffers are not.
 */
public final class LineProtocolEncoder {

	/** UTF-8 needs at most 3 bytes per UTF-16 char, and an escaped ASCII char takes 2. */
	private static final int MAX_BYTES_PER_CHAR = 3;

	private final CnosPrecision precision;

	/** Creates an encoder writing nanosecond timestamps, the server's default precision. */
	public LineProtocolEncoder() {
		this(CnosPrecision.NS);
	}

	/**
	 * Creates an encoder writing timestamps in the given precision; the write request must then carry
	 * the same {@code precision} parameter.
	 */
	public LineProtocolEncoder(CnosPrecision precision) {
		if (precision == null) {
			throw new IllegalArgumentException("Precision must not be null");
		}
		this.precision = precision;
	}

	/** The precision timestamps are written in. */
	public CnosPrecision precision() {
		return this.precision;
	}

	/**
	 * Appends the point as one line, terminated by {@code \n}.
	 * @param point the point to write
	 * @param buffer the buffer to append to
	 * @throws IllegalArgumentException if the point cannot be written exactly; the buffer is then unchanged
	 */
	public void encode(Point point, LineProtocolBuffer buffer) {
		// Everything that depends on the point as a whole is settled before the first byte is written.
		Map<String, Object> fields = point.fieldValues();
		if (fields.isEmpty()) {
			throw refuse(point, "at least one field is required");
		}
		Map.Entry<String, Object> leadingField = leadingField(point, fields);
		boolean writeTime = point.hasTime();
		long timestamp = writeTime ? point.timestampIn(this.precision, (rule) -> refuse(point, rule)) : 0;
		if (!writeTime && this.precision != CnosPrecision.NS) {
			throw refuse(point, "a time is required in " + this.precision.wireValue() + " precision, because "
					+ "CnosDB fills a missing time with its clock in nanoseconds whatever the precision");
		}
		int start = buffer.size();
		try {
			writeName(point, point.getMeasurement(), Element.MEASUREMENT, true, buffer);
			for (Map.Entry<String, String> tag : point.tagValues().entrySet()) {
				buffer.put((byte) ',');
				writeName(point, tag.getKey(), Element.TAG_KEY, false, buffer);
				buffer.put((byte) '=');
				writeName(point, tag.getValue(), Element.TAG_VALUE, false, buffer);
			}
			buffer.put((byte) ' ');
			writeField(point, leadingField, true, buffer);
			for (Map.Entry<String, Object> field : fields.entrySet()) {
				if (field != leadingField) {
					buffer.put((byte) ',');
					writeField(point, field, false, buffer);
				}
			}
			if (writeTime) {
				buffer.put((byte) ' ');
				buffer.putLong(timestamp);
			}
			buffer.put((byte) '\n');
		}
		catch (RuntimeException ex) {
			buffer.truncate(start);
			throw ex;
		}
	}

	/**
	 * The field to write first. CnosDB's parser skips the escape handling of the first character of the
	 * field set, so a key starting with a character we escape would be misread there but not later.
	 */
	private static Map.Entry<String, Object> leadingField(Point point, Map<String, Object> fields) {
		for (Map.Entry<String, Object> field : fields.entrySet()) {
			if (canStartToken(field.getKey(), Element.FIELD_KEY)) {
				return field;
			}
		}
		throw refuse(point, "every field key starts with ',', ' ' or '=', which the first field key cannot, "
				+ "because CnosDB does not unescape the first character of the field set");
	}

	/**
	 * Whether a name can be the first token of a line or of the field set, where the server consumes the
	 * first byte without escape handling, so an escaped first character would be misread.
	 */
	private static boolean canStartToken(String name, Element element) {
		if (name.isEmpty()) {
			// Let the emptiness check report it with its own message.
			return true;
		}
		char first = name.charAt(0);
		return first != ',' && first != ' ' && (first != '=' || element == Element.MEASUREMENT);
	}

	private static void writeField(Point point, Map.Entry<String, Object> field, boolean leading,
			LineProtocolBuffer buffer) {
		String key = field.getKey();
		writeName(point, key, Element.FIELD_KEY, leading, buffer);
		buffer.put((byte) '=');
		Object value = field.getValue();
		if (value instanceof Double number) {
			double d = number;
			if (!Double.isFinite(d)) {
				throw refuse(point, "field '" + key + "' is " + d + ", which line protocol cannot represent");
			}
			// The shortest decimal that reads back exactly; its 1.0E10 form is accepted by the server's fast_float.
			byte[] array = buffer.reserve(ShortestDouble.MAX_LENGTH);
			buffer.commit(ShortestDouble.write(d, array, buffer.size()));
		}
		else if (value instanceof Long number) {
			buffer.putLong(number);
			buffer.put((byte) 'i');
		}
		else if (value instanceof Point.UnsignedValue unsigned) {
			buffer.putUnsignedLong(unsigned.bits());
			buffer.put((byte) 'u');
		}
		else if (value instanceof Boolean bool) {
			buffer.putAscii(bool ? "true" : "false");
		}
		else {
			writeString(point, key, (String) value, buffer);
		}
	}

	private static void writeString(Point point, String key, String value, LineProtocolBuffer buffer) {
		int length = value.length();
		byte[] array = buffer.reserve(length * MAX_BYTES_PER_CHAR + 2);
		int position = buffer.size();
		array[position++] = '"';
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				if (c == '"' || c == '\\') {
					array[position++] = '\\';
				}
				array[position++] = (byte) c;
			}
			else {
				position = putNonAscii(point, "string field '" + key + "'", value, i, array, position);
				if (Character.isHighSurrogate(c)) {
					i++;
				}
			}
		}
		array[position++] = '"';
		buffer.commit(position);
	}

	/**
	 * Writes a name. A {@code leading} name starts a line or the field set, whose first byte the server
	 * takes as it is: a backslash there is a literal one, and escaping resumes with the next character.
	 */
	private static void writeName(Point point, String name, Element element, boolean leading,
			LineProtocolBuffer buffer) {
		int length = name.length();
		if (length == 0) {
			throw refuse(point, element.label + " must not be empty");
		}
		if (element == Element.MEASUREMENT) {
			checkMeasurementStart(point, name);
		}
		byte[] array = buffer.reserve(length * MAX_BYTES_PER_CHAR);
		int start = buffer.size();
		int position = start;
		// The server reads a name strictly (every ',', ' ' and '=' escaped) once it meets a backslash; one in
		// the very first byte of a line is skipped unexamined, so only later ones count.
		boolean backslashAfterStart = false;
		boolean equalsAfterStart = false;
		int i = 0;
		if (leading && name.charAt(0) == '\\') {
			array[position++] = '\\';
			i = 1;
		}
		for (; i < length; i++) {
			char c = name.charAt(i);
			if (c >= 0x80) {
				position = putNonAscii(point, describe(element, name), name, i, array, position);
				if (Character.isHighSurrogate(c)) {
					i++;
				}
				continue;
			}
			switch (c) {
				case '\n', '\r' -> throw refuse(point, describe(element, name) + " must not contain a newline or "
						+ "carriage return");
				case ',', ' ' -> {
					backslashAfterStart |= (position > start);
					array[position++] = '\\';
					array[position++] = (byte) c;
				}
				case '=' -> {
					if (element == Element.MEASUREMENT) {
						// The server accepts a bare '=' in a measurement and refuses '\='.
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
						// The server reads '\\' as a pair, then a bare character that does not end this element,
						// and finally drops the backslash in front of it: '\\,' becomes '\,'.
						backslashAfterStart |= (position > start);
						array[position++] = '\\';
						array[position++] = '\\';
						array[position++] = (byte) next;
					}
					else {
						throw refuse(point, describe(element, name) + " has a backslash followed by "
								+ ((i + 1 < length) ? "'" + next + "'" : "nothing") + ", which CnosDB cannot store as "
								+ "written in a " + element.label);
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
		buffer.commit(position);
	}

	private static void checkMeasurementStart(Point point, String name) {
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

	/** Writes the non-ASCII char at {@code index} (with its low surrogate, if any) as UTF-8. */
	private static int putNonAscii(Point point, String what, String text, int index, byte[] array, int position) {
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
			throw refuse(point, what + " has an unpaired surrogate at index " + index + ", which is not valid UTF-8");
		}
		int codePoint = Character.toCodePoint(c, low);
		array[position++] = (byte) (0xF0 | (codePoint >> 18));
		array[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
		array[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
		array[position++] = (byte) (0x80 | (codePoint & 0x3F));
		return position;
	}

	private static String describe(Element element, String name) {
		return element.label + " '" + name + "'";
	}

	private static IllegalArgumentException refuse(Point point, String rule) {
		return new IllegalArgumentException(point.describe() + " cannot be written as line protocol: " + rule);
	}

	private enum Element {

		MEASUREMENT("measurement", ", "), TAG_KEY("tag key", "="), TAG_VALUE("tag value", ", "),
		FIELD_KEY("field key", "=");

		private final String label;

		/** The characters that end this element in the server's state machine when not escaped. */
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

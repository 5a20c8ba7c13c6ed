package io.cnosdb.spring.core.write;

import io.cnosdb.spring.core.support.CnosMessageValues;

/**
 * The pieces of a line of CnosDB line protocol, written straight into a byte array and
 * checked as they are written: names (measurement, tag keys, tag values, field keys),
 * field values and timestamps. {@link LineProtocolEncoder} writes {@link Point points}
 * with them and {@link LineProtocolRowWriter} writes rows with them, so both escape and
 * refuse exactly alike; the rules are those listed on {@link LineProtocolEncoder}.
 * <p>
 * Each method writes at {@code position} and returns the index after what it wrote; the
 * caller has made room for it (see the {@code MAX_} bounds). A piece that cannot be
 * written exactly throws a {@link Refusal} carrying only the rule, which the caller turns
 * into the refusal of what it writes (a point, a row, a default tag).
 */
final class LineProtocolSyntax {

	/**
	 * UTF-8 needs at most 3 bytes per UTF-16 char, and an escaped ASCII char takes at
	 * most 2 (3 for 2 chars).
	 */
	static final int MAX_BYTES_PER_CHAR = 3;

	/**
	 * The most bytes a field value takes besides the chars of a string: a double, a long
	 * with its suffix.
	 */
	static final int MAX_VALUE_LENGTH = Math.max(ShortestDouble.MAX_LENGTH, DecimalDigits.MAX_UNSIGNED_LENGTH + 1);

	/** The longest timestamp, with its sign. */
	static final int MAX_TIMESTAMP_LENGTH = DecimalDigits.MAX_UNSIGNED_LENGTH + 1;

	/** The rule of a line without a field. */
	static final String NO_FIELD = "at least one field is required";

	/** The rule of a line none of whose field keys can start the field set. */
	static final String NO_LEADING_FIELD = "every field key starts with ',', ' ' or '=', which the first field key "
			+ "cannot, because CnosDB does not unescape the first character of the field set";

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

	private LineProtocolSyntax() {
	}

	/**
	 * The rule of a line without a time in a precision other than nanoseconds.
	 */
	static String timeRequired(CnosPrecision precision) {
		return "a time is required in " + precision.wireValue() + " precision, because CnosDB fills a missing time "
				+ "with its clock in nanoseconds whatever the precision";
	}

	/**
	 * Whether a name can be the first token of a line or of the field set, where the
	 * server consumes the first byte without escape handling, so an escaped first
	 * character would be misread. CnosDB's parser skips the escape handling of the first
	 * character of the field set, so a field key starting with a character we escape
	 * would be misread there but not later: a field that can start is written first.
	 */
	static boolean canStartToken(String name, Element element) {
		if (name.isEmpty()) {
			// Let the emptiness check report it with its own message.
			return true;
		}
		char first = name.charAt(0);
		return first != ',' && first != ' ' && (first != '=' || element == Element.MEASUREMENT);
	}

	/**
	 * Writes a name. A {@code leading} name starts a line or the field set, whose first
	 * byte the server takes as it is: a backslash there is a literal one, and escaping
	 * resumes with the next character.
	 * @throws Refusal if the name cannot be written exactly
	 */
	static int writeName(String name, Element element, boolean leading, byte[] array, int position) {
		int length = name.length();
		if (length == 0) {
			throw new Refusal(element.label + " must not be empty");
		}
		if (element == Element.MEASUREMENT) {
			checkMeasurement(name);
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
		return (i < length) ? writeEscapedName(name, element, i, array, start, position) : position;
	}

	/** Writes a signed integer field value, {@code 42i}. */
	static int writeLong(long value, byte[] array, int position) {
		int end = DecimalDigits.writeSigned(value, array, position);
		array[end] = 'i';
		return end + 1;
	}

	/** Writes an unsigned integer field value, the bits read as unsigned, {@code 42u}. */
	static int writeUnsigned(long bits, byte[] array, int position) {
		int end = DecimalDigits.write(bits, array, position);
		array[end] = 'u';
		return end + 1;
	}

	/** Writes a boolean field value, {@code true} or {@code false}. */
	static int writeBoolean(boolean value, byte[] array, int position) {
		byte[] text = value ? TRUE : FALSE;
		System.arraycopy(text, 0, array, position, text.length);
		return position + text.length;
	}

	/**
	 * Writes a floating-point field value: the shortest decimal that reads back exactly;
	 * NaN and the infinities with the sign the server needs.
	 */
	static int writeDouble(double value, byte[] array, int position) {
		if (!Double.isFinite(value)) {
			// The server reads floats with fast_float, which knows nan and inf, but only
			// after a sign: its parser takes a field for a number by a leading +, - or
			// digit. Read back, a query answers NaN, inf and -inf.
			byte[] text = Double.isNaN(value) ? PLUS_NAN : (value > 0) ? PLUS_INF : MINUS_INF;
			System.arraycopy(text, 0, array, position, text.length);
			return position + text.length;
		}
		// The shortest decimal that reads back exactly; its 1.0E10 form is accepted by
		// the server's fast_float.
		return ShortestDouble.write(value, array, position);
	}

	/**
	 * Writes a string field value, quoted, with {@code \} and {@code "} escaped.
	 * @param key the field's key, for the refusal
	 * @throws Refusal if the value has an unpaired surrogate
	 */
	static int writeString(String key, String value, byte[] array, int position) {
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
					throw unpairedSurrogate("string field '" + CnosMessageValues.abbreviate(key) + "'", i);
				}
				if (Character.isHighSurrogate(c)) {
					i++;
				}
			}
		}
		array[position++] = '"';
		return position;
	}

	/** Writes a timestamp, a count of the line's precision units. */
	static int writeTimestamp(long timestamp, byte[] array, int position) {
		return DecimalDigits.writeSigned(timestamp, array, position);
	}

	/**
	 * An upper bound of the bytes of {@code chars} chars of names and strings, with
	 * {@code extra} bytes more, as an {@code int}: beyond one the buffer cannot grow
	 * anyway, and says so.
	 */
	static int maxLength(long chars, long extra) {
		return (int) Math.min(chars * MAX_BYTES_PER_CHAR + extra, Integer.MAX_VALUE);
	}

	/**
	 * Writes the rest of a name from {@code index} on, escaping and encoding as needed.
	 */
	private static int writeEscapedName(String name, Element element, int index, byte[] array, int start,
			int position) {
		int length = name.length();
		// The server reads a name strictly (every ',', ' ' and '=' escaped) once it meets
		// a backslash; one in the very first byte of a line is skipped unexamined, so
		// only later ones count.
		boolean backslashAfterStart = false;
		boolean equalsAfterStart = false;
		for (int i = index; i < length; i++) {
			char c = name.charAt(i);
			if (c >= 0x80) {
				position = putNonAscii(name, i, array, position);
				if (position < 0) {
					throw unpairedSurrogate(describe(element, name), i);
				}
				if (Character.isHighSurrogate(c)) {
					i++;
				}
				continue;
			}
			switch (c) {
				case '\n', '\r' ->
					throw new Refusal(describe(element, name) + " must not contain a newline or carriage return");
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
						// does not end this element, and finally drops the backslash in
						// front of it: '\\,' becomes '\,'.
						backslashAfterStart |= (position > start);
						array[position++] = '\\';
						array[position++] = '\\';
						array[position++] = (byte) next;
					}
					else {
						throw new Refusal(describe(element, name) + " has a backslash followed by "
								+ ((i + 1 < length) ? "'" + next + "'" : "nothing") + ", which CnosDB cannot store as "
								+ "written in a " + element.label);
					}
					i++;
				}
				default -> array[position++] = (byte) c;
			}
		}
		if (equalsAfterStart && backslashAfterStart) {
			throw new Refusal(describe(element, name) + " has '=' and a backslash (its own or escaping ',' or ' ') "
					+ "after its first character; CnosDB then requires '=' to be escaped but refuses '\\=' in a "
					+ "measurement");
		}
		return position;
	}

	private static void checkMeasurement(String name) {
		if (name.indexOf('/') >= 0) {
			// The measurement is the table, stored as a path: CnosDB 2.4.2 answers 200 to
			// such a write and keeps nothing, and 2.4.3 refuses '/' in table names.
			throw new Refusal("measurement must not contain '/': CnosDB does not keep tables named so (2.4.2 "
					+ "accepts the write and stores nothing)");
		}
		char first = name.charAt(0);
		if (first == '#') {
			throw new Refusal("measurement must not start with '#', which makes the line a comment");
		}
		if (first == '\t' || first == '\f') {
			throw new Refusal("measurement must not start with a tab or form feed, which the server skips");
		}
		if (!canStartToken(name, Element.MEASUREMENT)) {
			throw new Refusal("measurement must not start with ',' or ' ', because CnosDB does not unescape the "
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

	private static Refusal unpairedSurrogate(String what, int index) {
		return new Refusal(what + " has an unpaired surrogate at index " + index + ", which is not valid UTF-8");
	}

	private static String describe(Element element, String name) {
		return element.label + " '" + CnosMessageValues.abbreviate(name) + "'";
	}

	/** What a name is, which decides how it is escaped. */
	enum Element {

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

	/**
	 * A piece that cannot be written: its message is the rule alone, without naming the
	 * point or row, which the caller adds. Cheap to throw, as it never leaves the client.
	 */
	static final class Refusal extends IllegalArgumentException {

		Refusal(String rule) {
			super(rule);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}

package io.cnosdb.spring.core.write;

import java.util.Arrays;

import io.cnosdb.spring.core.write.LineProtocolSyntax.Element;
import io.cnosdb.spring.core.write.LineProtocolSyntax.Refusal;

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
 * buffers are not. A {@link LineProtocolRowWriter} writes rows without {@code Point}
 * objects through an encoder, by the same rules and with the same refusals.
 * <p>
 * Encoding allocates nothing once the names in use are known: the buffer is grown once
 * per point to a bound on its length, the bytes of measurements, tag keys and field keys
 * are kept in a bounded {@link EscapedNames} and copied, tag values and strings without
 * anything to escape are copied as they are, and numbers are written digit by digit
 * ({@link ShortestDouble} for doubles).
 */
public final class LineProtocolEncoder {

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
			throw refuse(point, LineProtocolSyntax.NO_FIELD);
		}
		int leadingField = leadingField(point);
		boolean writeTime = point.hasTime();
		long timestamp = writeTime ? point.timestampIn(this.precision, LineProtocolEncoder::refuse) : 0;
		if (!writeTime && this.precision != CnosPrecision.NS) {
			throw refuse(point, LineProtocolSyntax.timeRequired(this.precision));
		}
		// The bytes go past the buffer's size and are committed only once the whole line
		// is written, so a point refused half-way leaves the buffer as it was.
		byte[] array = buffer.reserve(maxLength(point) + this.defaultTags.maxLength());
		try {
			buffer.commit(writeLine(point, leadingField, writeTime, timestamp, array, buffer.size()));
		}
		catch (Refusal refusal) {
			throw refuse(point, refusal.getMessage());
		}
	}

	private int writeLine(Point point, int leadingField, boolean writeTime, long timestamp, byte[] array,
			int position) {
		position = writeKey(point.getMeasurement(), Element.MEASUREMENT, true, array, position);
		for (int i = 0; i < point.tagCount(); i++) {
			array[position++] = ',';
			position = writeKey(point.tagKey(i), Element.TAG_KEY, false, array, position);
			array[position++] = '=';
			position = LineProtocolSyntax.writeName(point.tagValue(i), Element.TAG_VALUE, false, array, position);
		}
		if (!this.defaultTags.isEmpty()) {
			position = this.defaultTags.write(point, array, position);
		}
		array[position++] = ' ';
		position = writeField(point, leadingField, true, array, position);
		for (int i = 0; i < point.fieldCount(); i++) {
			if (i != leadingField) {
				array[position++] = ',';
				position = writeField(point, i, false, array, position);
			}
		}
		if (writeTime) {
			array[position++] = ' ';
			position = LineProtocolSyntax.writeTimestamp(timestamp, array, position);
		}
		array[position++] = '\n';
		return position;
	}

	/**
	 * A tag as written in a line, {@code ,key=value}, for {@link DefaultTags}.
	 * @throws IllegalArgumentException if the key or value cannot be written as a tag
	 */
	static byte[] encodeTag(String key, String value) {
		byte[] array = new byte[LineProtocolSyntax.maxLength((long) key.length() + value.length(), 2)];
		array[0] = ',';
		try {
			int position = LineProtocolSyntax.writeName(key, Element.TAG_KEY, false, array, 1);
			array[position++] = '=';
			position = LineProtocolSyntax.writeName(value, Element.TAG_VALUE, false, array, position);
			return Arrays.copyOf(array, position);
		}
		catch (Refusal refusal) {
			throw new IllegalArgumentException(
					"A default tag cannot be written as line protocol: " + refusal.getMessage());
		}
	}

	/**
	 * Writes a measurement, tag key or field key. Writers repeat these on every point, so
	 * their bytes are kept; tag values are not, as they can take any number of values. Up
	 * to {@link EscapedNames#WRITE_SLACK} bytes past the name may be overwritten.
	 * @throws Refusal if the name cannot be written exactly
	 */
	int writeKey(String name, Element element, boolean leading, byte[] array, int position) {
		int role = 2 * element.ordinal() + (leading ? 1 : 0);
		EscapedNames.Name known = this.names.get(name, role);
		if (known != null) {
			return EscapedNames.write(known, array, position);
		}
		int end = LineProtocolSyntax.writeName(name, element, leading, array, position);
		this.names.put(name, role, array, position, end);
		return end;
	}

	/**
	 * An upper bound of the bytes the point's line takes, so that the buffer grows at
	 * most once per point.
	 */
	private static int maxLength(Point point) {
		// Each name and string value char takes at most 3 bytes; each tag adds ',' and
		// '='; each field ',' or ' ', '=' and at most MAX_VALUE_LENGTH (two quotes for
		// strings); then ' ', the timestamp and '\n'; and room for a kept name to be
		// stored in whole words.
		return LineProtocolSyntax.maxLength(point.textLength(),
				2L * point.tagCount() + (2L + LineProtocolSyntax.MAX_VALUE_LENGTH) * point.fieldCount() + 2
						+ LineProtocolSyntax.MAX_TIMESTAMP_LENGTH + EscapedNames.WRITE_SLACK);
	}

	/**
	 * The field to write first: the first whose key can start the field set (see
	 * {@link LineProtocolSyntax#canStartToken}).
	 */
	private static int leadingField(Point point) {
		for (int i = 0; i < point.fieldCount(); i++) {
			if (LineProtocolSyntax.canStartToken(point.fieldKey(i), Element.FIELD_KEY)) {
				return i;
			}
		}
		throw refuse(point, LineProtocolSyntax.NO_LEADING_FIELD);
	}

	private int writeField(Point point, int index, boolean leading, byte[] array, int position) {
		String key = point.fieldKey(index);
		position = writeKey(key, Element.FIELD_KEY, leading, array, position);
		array[position++] = '=';
		long bits = point.fieldBits(index);
		return switch (point.fieldType(index)) {
			case DOUBLE -> LineProtocolSyntax.writeDouble(Double.longBitsToDouble(bits), array, position);
			case LONG -> LineProtocolSyntax.writeLong(bits, array, position);
			case UNSIGNED -> LineProtocolSyntax.writeUnsigned(bits, array, position);
			case BOOLEAN -> LineProtocolSyntax.writeBoolean(bits != 0, array, position);
			case STRING -> LineProtocolSyntax.writeString(key, point.fieldText(index), array, position);
		};
	}

	/** The refusal of a point. */
	private static IllegalArgumentException refuse(Point point, String rule) {
		return new IllegalArgumentException(point.describe() + " cannot be written as line protocol: " + rule);
	}

}

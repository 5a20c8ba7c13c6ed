package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.cnosdb.spring.core.support.CnosMessageValues;
import org.jspecify.annotations.Nullable;

/**
 * One row for CnosDB: a measurement (table), optional tags, at least one field and an
 * optional time. <pre class="code">
 * Point.measurement("air")
 * 	.tag("station", "XiaoMaiDao")
 * 	.field("visibility", 56.0)
 * 	.time(1666165200290401000L, CnosPrecision.NS);
 * </pre> Tags and fields keep their insertion order (the server sorts them itself). The
 * builder refuses only what makes the point ill-formed whatever the encoding:
 * {@code null}s, a key used twice, an unsigned value outside 0..2<sup>64</sup>-1. Whether
 * names and values can be written as line protocol (empty names, newlines, backslashes
 * CnosDB would misread, ...) is checked by the {@link LineProtocolEncoder}, which refuses
 * such a point as a whole.
 * <p>
 * The time is kept as an instant, so it can be written in any {@link CnosPrecision};
 * writing it in a precision that would drop digits or overflow 64 bits fails instead of
 * truncating.
 * <p>
 * Not thread-safe; build a point on one thread and hand it over once complete.
 * <p>
 * Tags and fields are kept in small parallel arrays rather than maps, and field values
 * unboxed, because writers build one point per row: a point with a few tags and fields
 * costs a handful of small arrays.
 */
public final class Point {

	private static final BigInteger UNSIGNED_LIMIT = BigInteger.ONE.shiftLeft(64);

	private static final int INITIAL_CAPACITY = 4;

	private static final String[] NO_STRINGS = {};

	/**
	 * Encoders are thread-safe; sharing them keeps their cache of escaped names across
	 * calls.
	 */
	private static final LineProtocolEncoder[] ENCODERS = Arrays.stream(CnosPrecision.values())
		.map(LineProtocolEncoder::new)
		.toArray(LineProtocolEncoder[]::new);

	/**
	 * Up to this many keys a duplicate check scans them, which is cheaper than hashing.
	 */
	private static final int SCANNED_KEYS = 16;

	private final String measurement;

	/** Tag keys and values, alternating: key i at 2i, its value at 2i + 1. */
	private String[] tags = NO_STRINGS;

	private int tagCount;

	/**
	 * Every key, once the point has more than {@value #SCANNED_KEYS}, so checks stay
	 * linear in all.
	 */
	private @Nullable Set<String> keys;

	private String[] fieldKeys = NO_STRINGS;

	private ValueKind[] fieldTypes = {};

	/**
	 * Longs, unsigned longs and booleans (1 or 0) as they are, doubles as their raw bits.
	 */
	private long[] fieldBits = {};

	/**
	 * The values of string fields, at the index of their field; allocated with the first
	 * string field.
	 */
	private @Nullable String @Nullable [] fieldTexts;

	private int fieldCount;

	/**
	 * The chars of the measurement, tag keys and values, field keys and string values,
	 * for the encoder.
	 */
	private long textLength;

	private boolean hasTime;

	private long epochSecond;

	private int nanoOfSecond;

	private Point(String measurement) {
		this.measurement = measurement;
		this.textLength = measurement.length();
	}

	/**
	 * Starts a point for the given measurement (CnosDB table).
	 * @param measurement the measurement name, not {@code null}
	 * @return a new point without tags, fields or time
	 */
	public static Point measurement(String measurement) {
		if (measurement == null) {
			throw new IllegalArgumentException("Point measurement must not be null");
		}
		return new Point(measurement);
	}

	/**
	 * Adds a tag. Tag values are always strings in CnosDB.
	 * @return this point
	 * @throws IllegalArgumentException if key or value is {@code null}, or the key is
	 * already a tag or field
	 */
	public Point tag(String key, String value) {
		checkNewKey(key, "tag");
		requireValue(key, value);
		if (2 * this.tagCount == this.tags.length) {
			this.tags = Arrays.copyOf(this.tags, Math.max(2 * INITIAL_CAPACITY, 2 * this.tags.length));
		}
		this.tags[2 * this.tagCount] = key;
		this.tags[2 * this.tagCount + 1] = value;
		this.tagCount++;
		keyAdded(key);
		this.textLength += key.length() + value.length();
		return this;
	}

	/**
	 * Adds a signed 64-bit integer field (written with an {@code i} suffix, a BIGINT
	 * column).
	 * @return this point
	 */
	public Point field(String key, long value) {
		return addField(key, ValueKind.LONG, value);
	}

	/**
	 * Adds a floating-point field (a DOUBLE column). NaN and the infinities are written
	 * as {@code +NaN}, {@code +inf} and {@code -inf}, which CnosDB stores as such.
	 * @return this point
	 */
	public Point field(String key, double value) {
		return addField(key, ValueKind.DOUBLE, Double.doubleToRawLongBits(value));
	}

	/**
	 * Adds a boolean field.
	 * @return this point
	 */
	public Point field(String key, boolean value) {
		return addField(key, ValueKind.BOOLEAN, value ? 1 : 0);
	}

	/**
	 * Adds a string field. Any text is allowed, including quotes, backslashes and
	 * newlines.
	 * @return this point
	 */
	public Point field(String key, String value) {
		requireValue(key, value);
		addField(key, ValueKind.STRING, 0);
		if (this.fieldTexts == null) {
			this.fieldTexts = new String[this.fieldKeys.length];
		}
		this.fieldTexts[this.fieldCount - 1] = value;
		this.textLength += value.length();
		return this;
	}

	/**
	 * Adds an unsigned 64-bit field (written with a {@code u} suffix, a BIGINT UNSIGNED
	 * column). The bits of {@code value} are read as unsigned, so {@code -1L} stands for
	 * 2<sup>64</sup>-1, as with {@link Long#toUnsignedString(long)}.
	 * @return this point
	 */
	public Point unsignedField(String key, long value) {
		return addField(key, ValueKind.UNSIGNED, value);
	}

	/**
	 * Adds an unsigned 64-bit field (written with a {@code u} suffix, a BIGINT UNSIGNED
	 * column).
	 * @param value between 0 and 2<sup>64</sup>-1
	 * @return this point
	 * @throws IllegalArgumentException if the value is {@code null} or out of range
	 */
	public Point unsignedField(String key, BigInteger value) {
		requireValue(key, value);
		return addField(key, ValueKind.UNSIGNED, unsignedBits(value,
				() -> describe() + ": unsigned field '" + CnosMessageValues.abbreviate(String.valueOf(key)) + "'"));
	}

	/**
	 * Sets the time from a count of units since the epoch.
	 * @return this point
	 */
	public Point time(long timestamp, CnosPrecision precision) {
		requirePrecision(precision);
		this.epochSecond = EpochTimes.epochSecond(timestamp, precision);
		this.nanoOfSecond = EpochTimes.nanoOfSecond(timestamp, precision);
		this.hasTime = true;
		return this;
	}

	/**
	 * Sets the time from an instant, keeping its full nanosecond resolution.
	 * @return this point
	 */
	public Point time(Instant time) {
		if (time == null) {
			throw new IllegalArgumentException(describe() + ": time must not be null");
		}
		this.epochSecond = time.getEpochSecond();
		this.nanoOfSecond = time.getNano();
		this.hasTime = true;
		return this;
	}

	/** The measurement (table) name. */
	public String getMeasurement() {
		return this.measurement;
	}

	/** A read-only copy of the tags in insertion order. */
	public Map<String, String> getTags() {
		Map<String, String> copy = new LinkedHashMap<>();
		for (int i = 0; i < this.tagCount; i++) {
			copy.put(tagKey(i), tagValue(i));
		}
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * A read-only copy of the fields in insertion order. Values are {@link Long},
	 * {@link Double}, {@link Boolean}, {@link String}, or {@link BigInteger} for unsigned
	 * fields.
	 */
	public Map<String, Object> getFields() {
		Map<String, Object> copy = new LinkedHashMap<>();
		for (int i = 0; i < this.fieldCount; i++) {
			long bits = this.fieldBits[i];
			Object value = switch (this.fieldTypes[i]) {
				case LONG -> bits;
				case DOUBLE -> Double.longBitsToDouble(bits);
				case BOOLEAN -> bits != 0;
				case STRING -> fieldText(i);
				case UNSIGNED -> unsignedToBigInteger(bits);
			};
			copy.put(this.fieldKeys[i], value);
		}
		return Collections.unmodifiableMap(copy);
	}

	/** The time, or {@code null} if none was set (the server then uses its own clock). */
	public @Nullable Instant getTime() {
		return this.hasTime ? Instant.ofEpochSecond(this.epochSecond, this.nanoOfSecond) : null;
	}

	/**
	 * The time as a count of {@code precision} units since the epoch.
	 * @throws IllegalStateException if the point has no time
	 * @throws IllegalArgumentException if the time has digits finer than
	 * {@code precision}, or does not fit a signed 64-bit count in it
	 */
	public long getTimestamp(CnosPrecision precision) {
		requirePrecision(precision);
		if (!this.hasTime) {
			throw new IllegalStateException(describe() + " has no time");
		}
		return timestampIn(precision, (point, rule) -> new IllegalArgumentException(point.describe() + ": " + rule));
	}

	/**
	 * The time in {@code precision} units, reporting a time that cannot be expressed with
	 * an exception made from this point and the rule, so that the encoder can word it
	 * like its other refusals.
	 */
	long timestampIn(CnosPrecision precision, BiFunction<Point, String, IllegalArgumentException> refusal) {
		try {
			return EpochTimes.units(this.epochSecond, this.nanoOfSecond, precision);
		}
		catch (EpochTimes.UnrepresentableTimeException ex) {
			throw refusal.apply(this, "time " + getTime() + " " + ex.getMessage());
		}
	}

	/**
	 * This point as one line of line protocol with a nanosecond timestamp, without the
	 * trailing newline.
	 * @throws IllegalArgumentException if the point cannot be written, see
	 * {@link LineProtocolEncoder}
	 */
	public String toLineProtocol() {
		return toLineProtocol(CnosPrecision.NS);
	}

	/**
	 * This point as one line of line protocol with the timestamp in {@code precision},
	 * without the trailing newline.
	 * @throws IllegalArgumentException if the point cannot be written, see
	 * {@link LineProtocolEncoder}
	 */
	public String toLineProtocol(CnosPrecision precision) {
		LineProtocolBuffer buffer = new LineProtocolBuffer(64);
		ENCODERS[precision.ordinal()].encode(this, buffer);
		buffer.truncate(buffer.size() - 1);
		return buffer.toString();
	}

	@Override
	public String toString() {
		return "Point{measurement=" + this.measurement + ", tags=" + getTags() + ", fields=" + getFields() + ", time="
				+ getTime() + "}";
	}

	int tagCount() {
		return this.tagCount;
	}

	String tagKey(int index) {
		return this.tags[2 * index];
	}

	String tagValue(int index) {
		return this.tags[2 * index + 1];
	}

	/**
	 * The number of chars in the measurement, tag keys and values, field keys and string
	 * values, so that the encoder can bound the length of the line without going through
	 * them.
	 */
	long textLength() {
		return this.textLength;
	}

	int fieldCount() {
		return this.fieldCount;
	}

	String fieldKey(int index) {
		return this.fieldKeys[index];
	}

	ValueKind fieldType(int index) {
		return this.fieldTypes[index];
	}

	/**
	 * The value of a {@code LONG}, {@code UNSIGNED} or {@code BOOLEAN} field, or the bits
	 * of a {@code DOUBLE}.
	 */
	long fieldBits(int index) {
		return this.fieldBits[index];
	}

	/** The value of a {@code STRING} field. */
	String fieldText(int index) {
		@Nullable String[] texts = this.fieldTexts;
		String text = (texts != null) ? texts[index] : null;
		if (text == null) {
			throw new IllegalStateException(
					"Field '" + CnosMessageValues.abbreviate(this.fieldKeys[index]) + "' is not a string field");
		}
		return text;
	}

	boolean hasTime() {
		return this.hasTime;
	}

	/**
	 * Whether the point has a tag or field of this name, for {@link DefaultTags}, which
	 * the point's own keys override.
	 */
	boolean hasKey(String key) {
		return (this.keys != null) ? this.keys.contains(key) : (isTag(key) || isField(key));
	}

	/** How the point is named in error messages. */
	String describe() {
		return "Point '" + CnosMessageValues.abbreviate(this.measurement) + "'";
	}

	private Point addField(String key, ValueKind type, long bits) {
		checkNewKey(key, "field");
		if (this.fieldCount == this.fieldKeys.length) {
			int capacity = Math.max(INITIAL_CAPACITY, 2 * this.fieldCount);
			this.fieldKeys = Arrays.copyOf(this.fieldKeys, capacity);
			this.fieldTypes = Arrays.copyOf(this.fieldTypes, capacity);
			this.fieldBits = Arrays.copyOf(this.fieldBits, capacity);
			if (this.fieldTexts != null) {
				this.fieldTexts = Arrays.copyOf(this.fieldTexts, capacity);
			}
		}
		this.fieldKeys[this.fieldCount] = key;
		this.fieldTypes[this.fieldCount] = type;
		this.fieldBits[this.fieldCount] = bits;
		this.fieldCount++;
		keyAdded(key);
		this.textLength += key.length();
		return this;
	}

	private void checkNewKey(String key, String kind) {
		if (key == null) {
			throw new IllegalArgumentException(describe() + ": " + kind + " key must not be null");
		}
		// A name used as both tag and field is a column type conflict on the server, so
		// refuse it here too.
		if (hasKey(key)) {
			String existing = isTag(key) ? "tag" : "field";
			throw new IllegalArgumentException(describe() + ": duplicate key '" + CnosMessageValues.abbreviate(key)
					+ "', already used for a " + existing);
		}
	}

	private void keyAdded(String key) {
		if (this.keys != null) {
			this.keys.add(key);
		}
		else if (this.tagCount + this.fieldCount > SCANNED_KEYS) {
			Set<String> all = new HashSet<>();
			for (int i = 0; i < this.tagCount; i++) {
				all.add(tagKey(i));
			}
			all.addAll(Arrays.asList(this.fieldKeys).subList(0, this.fieldCount));
			this.keys = all;
		}
	}

	private boolean isTag(String key) {
		for (int i = 0; i < this.tagCount; i++) {
			if (key.equals(tagKey(i))) {
				return true;
			}
		}
		return false;
	}

	private boolean isField(String key) {
		for (int i = 0; i < this.fieldCount; i++) {
			if (key.equals(this.fieldKeys[i])) {
				return true;
			}
		}
		return false;
	}

	private void requireValue(String key, @Nullable Object value) {
		if (value == null) {
			throw new IllegalArgumentException(describe() + ": value of '"
					+ CnosMessageValues.abbreviate(String.valueOf(key)) + "' must not be null");
		}
	}

	private void requirePrecision(@Nullable CnosPrecision precision) {
		if (precision == null) {
			throw new IllegalArgumentException(describe() + ": precision must not be null");
		}
	}

	/**
	 * The bits of an unsigned 64-bit value, for
	 * {@link #unsignedField(String, BigInteger)} and the row writer's.
	 * @param field names the field in the refusal, such as
	 * {@code Point 'air': unsigned field 'u'}
	 * @throws IllegalArgumentException if the value is outside 0..2<sup>64</sup>-1
	 */
	static long unsignedBits(BigInteger value, Supplier<String> field) {
		if (value.signum() < 0 || value.compareTo(UNSIGNED_LIMIT) >= 0) {
			throw new IllegalArgumentException(
					field.get() + " must be between 0 and 18446744073709551615 but was " + value);
		}
		return value.longValue();
	}

	private static BigInteger unsignedToBigInteger(long bits) {
		BigInteger value = BigInteger.valueOf(bits & Long.MAX_VALUE);
		return (bits < 0) ? value.setBit(63) : value;
	}

}

package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.cnosdb.spring.core.CnosPrecision;
import org.jspecify.annotations.Nullable;

/**
 * One row for CnosDB: a measurement (table), optional tags, at least one field and an optional time.
 * <pre class="code">
 * Point.measurement("air")
 * 	.tag("station", "XiaoMaiDao")
 * 	.field("visibility", 56.0)
 * 	.time(1666165200290401000L, CnosPrecision.NS);
 * </pre>
 * Tags and fields keep their insertion order (the server sorts them itself). The builder refuses only
 * what makes the point ill-formed whatever the encoding: {@code null}s, a key used twice, an unsigned
 * value outside 0..2<sup>64</sup>-1. Whether names and values can be written as line protocol (empty
 * names, newlines, NaN, backslashes CnosDB would misread, ...) is checked by the
 * {@link LineProtocolEncoder}, which refuses such a point as a whole.
 * <p>
 * The time is kept as an instant, so it can be written in any {@link CnosPrecision}; writing it in a
 * precision that would drop digits or overflow 64 bits fails instead of truncating.
 * <p>
 * Not thread-safe; build a point on one thread and hand it over once complete.
 */
public final class Point {

	private static final BigInteger UNSIGNED_LIMIT = BigInteger.ONE.shiftLeft(64);

	private static final int NANOS_PER_SECOND = 1_000_000_000;

	private final String measurement;

	private final Map<String, String> tags = new LinkedHashMap<>();

	/** Values are Long, Double, Boolean, String or {@link UnsignedValue}. */
	private final Map<String, Object> fields = new LinkedHashMap<>();

	private boolean hasTime;

	private long epochSecond;

	private int nanoOfSecond;

	private Point(String measurement) {
		this.measurement = measurement;
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
	 * @throws IllegalArgumentException if key or value is {@code null}, or the key is already a tag or field
	 */
	public Point tag(String key, String value) {
		checkNewKey(key, "tag");
		requireValue(key, value);
		this.tags.put(key, value);
		return this;
	}

	/**
	 * Adds a signed 64-bit integer field (written with an {@code i} suffix, a BIGINT column).
	 * @return this point
	 */
	public Point field(String key, long value) {
		return addField(key, value);
	}

	/**
	 * Adds a floating-point field (a DOUBLE column). NaN and infinities cannot be written and are
	 * refused by the encoder.
	 * @return this point
	 */
	public Point field(String key, double value) {
		return addField(key, value);
	}

	/**
	 * Adds a boolean field.
	 * @return this point
	 */
	public Point field(String key, boolean value) {
		return addField(key, value);
	}

	/**
	 * Adds a string field. Any text is allowed, including quotes, backslashes and newlines.
	 * @return this point
	 */
	public Point field(String key, String value) {
		requireValue(key, value);
		return addField(key, value);
	}

	/**
	 * Adds an unsigned 64-bit field (written with a {@code u} suffix, a BIGINT UNSIGNED column). The
	 * bits of {@code value} are read as unsigned, so {@code -1L} stands for 2<sup>64</sup>-1, as with
	 * {@link Long#toUnsignedString(long)}.
	 * @return this point
	 */
	public Point unsignedField(String key, long value) {
		return addField(key, new UnsignedValue(value));
	}

	/**
	 * Adds an unsigned 64-bit field (written with a {@code u} suffix, a BIGINT UNSIGNED column).
	 * @param value between 0 and 2<sup>64</sup>-1
	 * @return this point
	 * @throws IllegalArgumentException if the value is {@code null} or out of range
	 */
	public Point unsignedField(String key, BigInteger value) {
		requireValue(key, value);
		if (value.signum() < 0 || value.compareTo(UNSIGNED_LIMIT) >= 0) {
			throw new IllegalArgumentException(describe() + ": unsigned field '" + key + "' must be between 0 and "
					+ "18446744073709551615 but was " + value);
		}
		return addField(key, new UnsignedValue(value.longValue()));
	}

	/**
	 * Sets the time from a count of units since the epoch.
	 * @return this point
	 */
	public Point time(long timestamp, CnosPrecision precision) {
		requirePrecision(precision);
		long unitsPerSecond = NANOS_PER_SECOND / nanosPerUnit(precision);
		this.epochSecond = Math.floorDiv(timestamp, unitsPerSecond);
		this.nanoOfSecond = (int) (Math.floorMod(timestamp, unitsPerSecond) * nanosPerUnit(precision));
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

	/** The tags in insertion order, read-only. */
	public Map<String, String> getTags() {
		return Collections.unmodifiableMap(this.tags);
	}

	/**
	 * A read-only copy of the fields in insertion order. Values are {@link Long}, {@link Double},
	 * {@link Boolean}, {@link String}, or {@link BigInteger} for unsigned fields.
	 */
	public Map<String, Object> getFields() {
		Map<String, Object> copy = new LinkedHashMap<>();
		this.fields.forEach((key, value) -> copy.put(key,
				(value instanceof UnsignedValue unsigned) ? unsigned.toBigInteger() : value));
		return Collections.unmodifiableMap(copy);
	}

	/** The time, or {@code null} if none was set (the server then uses its own clock). */
	public @Nullable Instant getTime() {
		return this.hasTime ? Instant.ofEpochSecond(this.epochSecond, this.nanoOfSecond) : null;
	}

	/**
	 * The time as a count of {@code precision} units since the epoch.
	 * @throws IllegalStateException if the point has no time
	 * @throws IllegalArgumentException if the time has digits finer than {@code precision}, or does not
	 * fit a signed 64-bit count in it
	 */
	public long getTimestamp(CnosPrecision precision) {
		requirePrecision(precision);
		if (!this.hasTime) {
			throw new IllegalStateException(describe() + " has no time");
		}
		return timestampIn(precision, (rule) -> new IllegalArgumentException(describe() + ": " + rule));
	}

	/**
	 * The time in {@code precision} units, reporting a time that cannot be expressed with an exception
	 * made from the rule, so that the encoder can word it like its other refusals.
	 */
	long timestampIn(CnosPrecision precision, Function<String, IllegalArgumentException> refusal) {
		long nanosPerUnit = nanosPerUnit(precision);
		if (this.nanoOfSecond % nanosPerUnit != 0) {
			throw refusal.apply("time " + getTime() + " cannot be written in " + precision.wireValue()
					+ " precision without dropping digits; write it with a finer precision");
		}
		long unitsPerSecond = NANOS_PER_SECOND / nanosPerUnit;
		long units = this.nanoOfSecond / nanosPerUnit;
		try {
			// Borrow one second for negative times so that the product stays in range down to Long.MIN_VALUE.
			if (this.epochSecond < 0 && units > 0) {
				return Math.addExact(Math.multiplyExact(this.epochSecond + 1, unitsPerSecond), units - unitsPerSecond);
			}
			return Math.addExact(Math.multiplyExact(this.epochSecond, unitsPerSecond), units);
		}
		catch (ArithmeticException ex) {
			throw refusal.apply("time " + getTime() + " does not fit a signed 64-bit timestamp in "
					+ precision.wireValue() + " precision");
		}
	}

	/**
	 * This point as one line of line protocol with a nanosecond timestamp, without the trailing newline.
	 * @throws IllegalArgumentException if the point cannot be written, see {@link LineProtocolEncoder}
	 */
	public String toLineProtocol() {
		return toLineProtocol(CnosPrecision.NS);
	}

	/**
	 * This point as one line of line protocol with the timestamp in {@code precision}, without the
	 * trailing newline.
	 * @throws IllegalArgumentException if the point cannot be written, see {@link LineProtocolEncoder}
	 */
	public String toLineProtocol(CnosPrecision precision) {
		LineProtocolBuffer buffer = new LineProtocolBuffer(64);
		new LineProtocolEncoder(precision).encode(this, buffer);
		buffer.truncate(buffer.size() - 1);
		return buffer.toString();
	}

	@Override
	public String toString() {
		return "Point{measurement=" + this.measurement + ", tags=" + this.tags + ", fields=" + getFields()
				+ ", time=" + getTime() + "}";
	}

	/** The fields as stored, unsigned ones as {@link UnsignedValue}, for the encoder. */
	Map<String, Object> fieldValues() {
		return this.fields;
	}

	Map<String, String> tagValues() {
		return this.tags;
	}

	boolean hasTime() {
		return this.hasTime;
	}

	/** How the point is named in error messages. */
	String describe() {
		return "Point '" + this.measurement + "'";
	}

	private Point addField(String key, Object value) {
		checkNewKey(key, "field");
		this.fields.put(key, value);
		return this;
	}

	private void checkNewKey(String key, String kind) {
		if (key == null) {
			throw new IllegalArgumentException(describe() + ": " + kind + " key must not be null");
		}
		// A name used as both tag and field is a column type conflict on the server, so refuse it here too.
		if (this.tags.containsKey(key) || this.fields.containsKey(key)) {
			String existing = this.tags.containsKey(key) ? "tag" : "field";
			throw new IllegalArgumentException(describe() + ": duplicate key '" + key + "', already used for a "
					+ existing);
		}
	}

	private void requireValue(String key, @Nullable Object value) {
		if (value == null) {
			throw new IllegalArgumentException(describe() + ": value of '" + key + "' must not be null");
		}
	}

	private void requirePrecision(@Nullable CnosPrecision precision) {
		if (precision == null) {
			throw new IllegalArgumentException(describe() + ": precision must not be null");
		}
	}

	private static long nanosPerUnit(CnosPrecision precision) {
		return precision.unit().toNanos(1);
	}

	/** An unsigned 64-bit value held in the bits of a long, so that it needs no BigInteger to encode. */
	record UnsignedValue(long bits) {

		BigInteger toBigInteger() {
			BigInteger value = BigInteger.valueOf(this.bits & Long.MAX_VALUE);
			return (this.bits < 0) ? value.setBit(63) : value;
		}

	}

}

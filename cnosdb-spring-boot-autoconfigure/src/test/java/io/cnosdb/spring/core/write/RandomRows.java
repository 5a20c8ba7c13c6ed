package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random rows for the round-trip tests, full of characters that need care, rare ones that
 * cannot be written, and extremes of numbers and times. A row is a {@link Recipe}: the
 * calls that make it, so that the same row can be built as a {@link Point} and written
 * through a {@link LineProtocolRowWriter}. A fixed seed gives the same rows every run.
 */
final class RandomRows {

	private static final String[] NAME_ATOMS = { "a", "b", "Z", "0", "7", "_", "-", ".", "中", "é", "😀", "𝄞", ",", " ",
			"=", "\"", "'", "#", "\t", "\\\\", "\\\"", "\\'", "\u007f", "\u0001" };

	/** Rare atoms that make a name unrepresentable. */
	private static final String[] BAD_NAME_ATOMS = { "\\", "\n", "\r", "\uD800", "\uDC00" };

	private static final String[] STRING_ATOMS = { "a", "Z", "0", " ", ",", "=", "\"", "'", "\\", "\\\\", "\n", "\r",
			"\r\n", "中", "😀", "#", "\t", "i", "u", "true" };

	private static final double[] SPECIAL_DOUBLES = { 0.0, -0.0, 1.0, -1.0, 0.1, 1.0E23, 2.82879384806159008E17,
			Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE,
			-Double.MAX_VALUE, 1.0E-7, 1.0E7, 123456789012345678.0, 9007199254740993.0, Math.PI, Double.NaN,
			Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };

	private static final long[] SPECIAL_LONGS = { Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Long.MIN_VALUE + 1,
			Long.MAX_VALUE - 1, 1_000_000, -999_999_999 };

	private final Random random;

	RandomRows(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * A random row, its time mostly one the precision can hold, sometimes one it cannot.
	 */
	Recipe next(CnosPrecision precision) {
		String measurement = randomName();
		Set<String> keys = new HashSet<>();
		List<Map.Entry<String, String>> tags = new ArrayList<>();
		int tagCount = this.random.nextInt(4);
		for (int i = 0; i < tagCount; i++) {
			String key = randomName();
			if (keys.add(key)) {
				tags.add(Map.entry(key, randomName()));
			}
		}
		List<Field> fields = new ArrayList<>();
		int fieldCount = this.random.nextInt(5) + ((this.random.nextInt(100) == 0) ? 0 : 1);
		for (int i = 0; i < fieldCount; i++) {
			String key = randomName();
			if (keys.add(key)) {
				fields.add(randomField(key));
			}
		}
		return new Recipe(measurement, tags, fields, randomTime(precision));
	}

	/** A random name, rarely one that cannot be written. */
	String randomName() {
		int atoms = 1 + this.random.nextInt(8);
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < atoms; i++) {
			boolean bad = this.random.nextInt(150) == 0;
			name.append(bad ? pick(BAD_NAME_ATOMS) : pick(NAME_ATOMS));
		}
		// Mostly ordinary first characters, so that the special starts do not dominate.
		return (this.random.nextInt(4) == 0) ? name.toString() : "n" + name;
	}

	<T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private Field randomField(String key) {
		return switch (this.random.nextInt(6)) {
			case 0 -> new Field(key, Kind.LONG, randomLong());
			case 1 -> new Field(key, Kind.DOUBLE, randomDouble());
			case 2 -> new Field(key, Kind.BOOLEAN, this.random.nextBoolean());
			case 3 -> new Field(key, Kind.STRING, randomString());
			case 4 -> new Field(key, Kind.UNSIGNED, randomLong());
			default -> new Field(key, Kind.UNSIGNED_BIG_INTEGER, new BigInteger(64, this.random));
		};
	}

	private Time randomTime(CnosPrecision precision) {
		return switch (this.random.nextInt(6)) {
			case 0, 1 -> new Time(randomLong(), precision, null);
			case 2 -> new Time(randomLong(), pick(CnosPrecision.values()), null);
			case 3 -> new Time(this.random.nextLong() % 9_000_000_000_000_000L / 1_000_000, CnosPrecision.MS, null);
			case 4 -> {
				long nanosPerUnit = pick(CnosPrecision.values()).unit().toNanos(1);
				long nanos = this.random.nextInt(1_000_000_000) / nanosPerUnit * nanosPerUnit;
				yield new Time(0, null, Instant.ofEpochSecond(this.random.nextInt(), nanos));
			}
			default -> (precision != CnosPrecision.NS) ? new Time(0, precision, null) : null;
		};
	}

	private String randomString() {
		int atoms = this.random.nextInt(12);
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < atoms; i++) {
			value.append((this.random.nextInt(300) == 0) ? "\uD83D" : pick(STRING_ATOMS));
		}
		return value.toString();
	}

	private long randomLong() {
		return this.random.nextBoolean() ? SPECIAL_LONGS[this.random.nextInt(SPECIAL_LONGS.length)]
				: this.random.nextLong();
	}

	private double randomDouble() {
		return switch (this.random.nextInt(4)) {
			case 0 -> SPECIAL_DOUBLES[this.random.nextInt(SPECIAL_DOUBLES.length)];
			case 1 -> Double.longBitsToDouble(this.random.nextLong());
			case 2 -> Double.longBitsToDouble(this.random.nextLong() & 0x000F_FFFF_FFFF_FFFFL);
			default -> (this.random.nextDouble() - 0.5) * Math.pow(10, this.random.nextInt(40) - 20);
		};
	}

	/** How a field's value is given. */
	enum Kind {

		LONG, DOUBLE, BOOLEAN, STRING, UNSIGNED, UNSIGNED_BIG_INTEGER

	}

	/** A field and its value, a {@code Long}, {@code Double}, ... as its kind says. */
	record Field(String key, Kind kind, Object value) {

		void addTo(Point point) {
			switch (this.kind) {
				case LONG -> point.field(this.key, (long) this.value);
				case DOUBLE -> point.field(this.key, (double) this.value);
				case BOOLEAN -> point.field(this.key, (boolean) this.value);
				case STRING -> point.field(this.key, (String) this.value);
				case UNSIGNED -> point.unsignedField(this.key, (long) this.value);
				case UNSIGNED_BIG_INTEGER -> point.unsignedField(this.key, (BigInteger) this.value);
			}
		}

		void addTo(LineProtocolRowWriter.Row row) {
			switch (this.kind) {
				case LONG -> row.field(this.key, (long) this.value);
				case DOUBLE -> row.field(this.key, (double) this.value);
				case BOOLEAN -> row.field(this.key, (boolean) this.value);
				case STRING -> row.field(this.key, (String) this.value);
				case UNSIGNED -> row.unsignedField(this.key, (long) this.value);
				case UNSIGNED_BIG_INTEGER -> row.unsignedField(this.key, (BigInteger) this.value);
			}
		}

	}

	/** A time: an instant, or a count of units since the epoch. */
	record Time(long timestamp, CnosPrecision precision, Instant instant) {

		void setOn(Point point) {
			if (this.instant != null) {
				point.time(this.instant);
			}
			else {
				point.time(this.timestamp, this.precision);
			}
		}

		void end(LineProtocolRowWriter.Row row) {
			if (this.instant != null) {
				row.at(this.instant);
			}
			else {
				row.at(this.timestamp, this.precision);
			}
		}

	}

	/** The calls that make a row; {@code time} is {@code null} for none. */
	record Recipe(String measurement, List<Map.Entry<String, String>> tags, List<Field> fields, Time time) {

		Point toPoint() {
			Point point = Point.measurement(this.measurement);
			this.tags.forEach((tag) -> point.tag(tag.getKey(), tag.getValue()));
			this.fields.forEach((field) -> field.addTo(point));
			if (this.time != null) {
				this.time.setOn(point);
			}
			return point;
		}

		/** Writes the row, ending it with its time or {@code atNow()}. */
		void writeTo(LineProtocolRowWriter writer) {
			LineProtocolRowWriter.Row row = writer.row(this.measurement);
			this.tags.forEach((tag) -> row.tag(tag.getKey(), tag.getValue()));
			this.fields.forEach((field) -> field.addTo(row));
			if (this.time != null) {
				this.time.end(row);
			}
			else {
				row.atNow();
			}
		}

	}

}

package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Encodes thousands of random points full of characters that need care and reads them
 * back with {@link CnosLineProtocolParser}: every accepted point must come back
 * identical, every refused one must leave the buffer untouched and be one that a
 * straightforward encoding would have got wrong (or one of the documented policy
 * refusals). Fixed seed, so failures reproduce.
 */
class LineProtocolRoundTripTest {

	private static final long SEED = 0x5EED_C0DEL;

	private static final int ITERATIONS = 5000;

	private static final String[] NAME_ATOMS = { "a", "b", "Z", "0", "7", "_", "-", ".", "中", "é", "😀", "𝄞", ",", " ",
			"=", "\"", "'", "#", "\t", "\\\\", "\\\"", "\\'", "\u007f", "\u0001" };

	/** Rare atoms that make a name unrepresentable. */
	private static final String[] BAD_NAME_ATOMS = { "\\", "\n", "\r", "\uD800", "\uDC00" };

	private static final String[] STRING_ATOMS = { "a", "Z", "0", " ", ",", "=", "\"", "'", "\\", "\\\\", "\n", "\r",
			"\r\n", "中", "😀", "#", "\t", "i", "u", "true" };

	/**
	 * Refusals that are deliberate policy, not a failure the naive encoding would show.
	 */
	private static final List<String> POLICY_RULES = List.of("must not be empty", "newline", "must not contain '/'",
			"first character of", "a time is required");

	private static final double[] SPECIAL_DOUBLES = { 0.0, -0.0, 1.0, -1.0, 0.1, 1.0E23, 2.82879384806159008E17,
			Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE,
			-Double.MAX_VALUE, 1.0E-7, 1.0E7, 123456789012345678.0, 9007199254740993.0, Math.PI, Double.NaN,
			Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };

	private static final long[] SPECIAL_LONGS = { Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Long.MIN_VALUE + 1,
			Long.MAX_VALUE - 1, 1_000_000, -999_999_999 };

	private final Random random = new Random(SEED);

	@Test
	void randomPointsComeBackUnchangedOrAreRightlyRefused() {
		LineProtocolBuffer buffer = new LineProtocolBuffer(256);
		// One encoder per precision for the whole run, so that names it has kept are
		// written again from there.
		Map<CnosPrecision, LineProtocolEncoder> encoders = new EnumMap<>(CnosPrecision.class);
		for (CnosPrecision precision : CnosPrecision.values()) {
			encoders.put(precision, new LineProtocolEncoder(precision));
		}
		int accepted = 0;
		int refused = 0;
		int acceptedInBatch = 0;
		for (int i = 0; i < ITERATIONS; i++) {
			if (i % 64 == 0) {
				assertThat(CnosLineProtocolParser.parse(buffer.array(), buffer.size())).hasSize(acceptedInBatch);
				buffer.reset();
				acceptedInBatch = 0;
			}
			CnosPrecision precision = pick(CnosPrecision.values());
			Point point = randomPoint(precision);
			int start = buffer.size();
			try {
				encoders.get(precision).encode(point, buffer);
			}
			catch (IllegalArgumentException ex) {
				assertThat(buffer.size()).as("buffer rolled back").isEqualTo(start);
				assertRightlyRefused(point, precision, ex);
				refused++;
				continue;
			}
			byte[] line = Arrays.copyOfRange(buffer.array(), start, buffer.size());
			assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
			assertReadBackAs(line, point, precision);
			accepted++;
			acceptedInBatch++;
		}
		// Guard against a generator that makes the test vacuous.
		assertThat(accepted).isGreaterThan(ITERATIONS / 2);
		assertThat(refused).isGreaterThan(ITERATIONS / 50);
	}

	private void assertReadBackAs(byte[] line, Point point, CnosPrecision precision) {
		List<CnosLineProtocolParser.Line> parsed;
		try {
			parsed = CnosLineProtocolParser.parse(line, line.length);
		}
		catch (IllegalStateException ex) {
			throw new AssertionError("Cannot parse " + quote(line) + " written for " + point, ex);
		}
		assertThat(parsed).as("%s", quote(line)).containsExactly(expected(point, precision));
	}

	private void assertRightlyRefused(Point point, CnosPrecision precision, IllegalArgumentException ex) {
		assertThat(ex.getMessage()).startsWith(point.describe() + " cannot be written as line protocol: ");
		if (POLICY_RULES.stream().anyMatch(ex.getMessage()::contains)) {
			return;
		}
		if (point.getTime() != null) {
			try {
				point.getTimestamp(precision);
			}
			catch (IllegalArgumentException timeNotRepresentable) {
				return;
			}
		}
		byte[] naive = (NaiveEncoding.line(point, precision) + "\n").getBytes(StandardCharsets.UTF_8);
		List<CnosLineProtocolParser.Line> parsed;
		try {
			parsed = CnosLineProtocolParser.parse(naive, naive.length);
		}
		catch (IllegalStateException rejectedByServer) {
			return;
		}
		if (parsed.equals(List.of(expected(point, precision)))) {
			fail("Refused %s (%s) although %s would have been read back exactly", point, ex.getMessage(), quote(naive));
		}
	}

	private static CnosLineProtocolParser.Line expected(Point point, CnosPrecision precision) {
		Long timestamp = (point.getTime() != null) ? point.getTimestamp(precision) : null;
		return new CnosLineProtocolParser.Line(point.getMeasurement(), point.getTags(), point.getFields(), timestamp);
	}

	private Point randomPoint(CnosPrecision precision) {
		Point point = Point.measurement(randomName());
		int tags = this.random.nextInt(4);
		for (int i = 0; i < tags; i++) {
			String key = randomName();
			if (!point.getTags().containsKey(key) && !point.getFields().containsKey(key)) {
				point.tag(key, randomName());
			}
		}
		int fields = this.random.nextInt(5) + ((this.random.nextInt(100) == 0) ? 0 : 1);
		for (int i = 0; i < fields; i++) {
			String key = randomName();
			if (!point.getTags().containsKey(key) && !point.getFields().containsKey(key)) {
				addRandomField(point, key);
			}
		}
		setRandomTime(point, precision);
		return point;
	}

	private void addRandomField(Point point, String key) {
		switch (this.random.nextInt(6)) {
			case 0 -> point.field(key, randomLong());
			case 1 -> point.field(key, randomDouble());
			case 2 -> point.field(key, this.random.nextBoolean());
			case 3 -> point.field(key, randomString());
			case 4 -> point.unsignedField(key, randomLong());
			default -> point.unsignedField(key, new BigInteger(64, this.random));
		}
	}

	/**
	 * Mostly times the encoding precision can hold, sometimes ones it cannot (to exercise
	 * refusals).
	 */
	private void setRandomTime(Point point, CnosPrecision precision) {
		switch (this.random.nextInt(6)) {
			case 0, 1 -> point.time(randomLong(), precision);
			case 2 -> point.time(randomLong(), pick(CnosPrecision.values()));
			case 3 -> point.time(this.random.nextLong() % 9_000_000_000_000_000L / 1_000_000, CnosPrecision.MS);
			case 4 -> {
				long nanosPerUnit = pick(CnosPrecision.values()).unit().toNanos(1);
				long nanos = this.random.nextInt(1_000_000_000) / nanosPerUnit * nanosPerUnit;
				point.time(Instant.ofEpochSecond(this.random.nextInt(), nanos));
			}
			default -> {
				if (precision != CnosPrecision.NS) {
					point.time(0, precision);
				}
			}
		}
	}

	private String randomName() {
		int atoms = 1 + this.random.nextInt(8);
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < atoms; i++) {
			boolean bad = this.random.nextInt(150) == 0;
			name.append(bad ? pick(BAD_NAME_ATOMS) : pick(NAME_ATOMS));
		}
		// Mostly ordinary first characters, so that the special starts do not dominate.
		return (this.random.nextInt(4) == 0) ? name.toString() : "n" + name;
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

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private static String quote(byte[] line) {
		return "'" + new String(line, StandardCharsets.UTF_8).replace("\n", "\\n").replace("\r", "\\r") + "'";
	}

	/**
	 * The encoding a client unaware of CnosDB's quirks would produce: escape
	 * {@code , space} (and {@code =} outside the measurement), leave backslashes alone,
	 * fields in insertion order, timestamp truncated. A refusal is justified when this
	 * encoding would not be read back as the point.
	 */
	private static final class NaiveEncoding {

		static String line(Point point, CnosPrecision precision) {
			StringBuilder line = new StringBuilder(escape(point.getMeasurement(), ", "));
			point.getTags()
				.forEach((key,
						value) -> line.append(',').append(escape(key, ",= ")).append('=').append(escape(value, ",= ")));
			line.append(' ');
			boolean first = true;
			for (Map.Entry<String, Object> field : point.getFields().entrySet()) {
				line.append(first ? "" : ",")
					.append(escape(field.getKey(), ",= "))
					.append('=')
					.append(value(field.getValue()));
				first = false;
			}
			Instant time = point.getTime();
			if (time != null) {
				long nanosPerUnit = precision.unit().toNanos(1);
				BigInteger units = BigInteger.valueOf(time.getEpochSecond())
					.multiply(BigInteger.valueOf(1_000_000_000 / nanosPerUnit))
					.add(BigInteger.valueOf(time.getNano() / nanosPerUnit));
				line.append(' ').append(units);
			}
			return line.toString();
		}

		private static String value(Object value) {
			if (value instanceof Long) {
				return value + "i";
			}
			if (value instanceof BigInteger) {
				return value + "u";
			}
			if (value instanceof String text) {
				return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
			}
			return String.valueOf(value);
		}

		private static String escape(String name, String special) {
			StringBuilder escaped = new StringBuilder();
			for (char c : name.toCharArray()) {
				if (special.indexOf(c) >= 0) {
					escaped.append('\\');
				}
				escaped.append(c);
			}
			return escaped.toString();
		}

	}

}

package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Encodes thousands of random points full of characters that need care
 * ({@link RandomRows}) and reads them back with {@link CnosLineProtocolParser}: every
 * accepted point must come back identical, every refused one must leave the buffer
 * untouched and be one that a straightforward encoding would have got wrong (or one of
 * the documented policy refusals). Fixed seed, so failures reproduce.
 */
class LineProtocolRoundTripTest {

	private static final long SEED = 0x5EED_C0DEL;

	private static final int ITERATIONS = 5000;

	/**
	 * Refusals that are deliberate policy, not a failure the naive encoding would show.
	 */
	private static final List<String> POLICY_RULES = List.of("must not be empty", "newline", "must not contain '/'",
			"first character of", "a time is required");

	private final RandomRows rows = new RandomRows(SEED);

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
			CnosPrecision precision = this.rows.pick(CnosPrecision.values());
			Point point = this.rows.next(precision).toPoint();
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

package io.cnosdb.spring.core.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.LineProtocolSyntax.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random rows ({@link RandomRows}) built both as a {@link Point} encoded by
 * a {@link LineProtocolEncoder} and through a {@link LineProtocolRowWriter} over the same
 * encoder, in every precision, with and without default tags: a row the encoder writes
 * must come out byte for byte the same and read back as the point, and a row it refuses
 * must be refused too, with the rule of its first fault in the order the row gives its
 * parts, which is the encoder's own rule when the row has one fault only; a refused row
 * must leave nothing in the buffer. Fixed seed, so failures reproduce.
 */
class LineProtocolRowWriterRoundTripTest {

	private static final long SEED = 0x0DD_B175L;

	private static final int ITERATIONS = 5000;

	private static final String REFUSED = " cannot be written as line protocol: ";

	/**
	 * Default tags some random names hit ("na" is an "n" and an "a"), so that the rows'
	 * own keys override them now and then.
	 */
	private static final DefaultTags DEFAULT_TAGS = DefaultTags.of(Map.of("na", "x,y", "host", "h1", "n_", "中"));

	/** A plain row, so that only the part checked can be at fault. */
	private static final LineProtocolEncoder PLAIN = new LineProtocolEncoder();

	private final RandomRows rows = new RandomRows(SEED);

	@Test
	void randomRowsAreWrittenAsTheirPointsAreOrRefusedForTheirFirstFault() {
		LineProtocolBuffer pointBuffer = new LineProtocolBuffer(256);
		LineProtocolBuffer rowBuffer = new LineProtocolBuffer(16);
		Map<LineProtocolEncoder, LineProtocolRowWriter> writers = new LinkedHashMap<>();
		for (CnosPrecision precision : CnosPrecision.values()) {
			for (DefaultTags defaultTags : List.of(DefaultTags.NONE, DEFAULT_TAGS)) {
				LineProtocolEncoder encoder = new LineProtocolEncoder(precision, defaultTags);
				writers.put(encoder, new LineProtocolRowWriter(encoder, rowBuffer));
			}
		}
		List<LineProtocolEncoder> encoders = new ArrayList<>(writers.keySet());
		int accepted = 0;
		int refused = 0;
		int singleFaults = 0;
		int defaultTagsOverridden = 0;
		for (int i = 0; i < ITERATIONS; i++) {
			if (i % 64 == 0) {
				assertThat(rowBuffer.toString()).isEqualTo(pointBuffer.toString());
				pointBuffer.reset();
				rowBuffer.reset();
			}
			LineProtocolEncoder encoder = encoders.get(i % encoders.size());
			RandomRows.Recipe recipe = this.rows.next(encoder.precision());
			Point point = recipe.toPoint();
			int pointStart = pointBuffer.size();
			int rowStart = rowBuffer.size();
			String pointRule = null;
			try {
				encoder.encode(point, pointBuffer);
			}
			catch (IllegalArgumentException ex) {
				pointRule = rule(ex, point.describe());
			}
			String rowRule = null;
			try {
				recipe.writeTo(writers.get(encoder));
			}
			catch (IllegalArgumentException ex) {
				rowRule = rule(ex, "Row '" + CnosMessageValues.abbreviate(point.getMeasurement()) + "'");
			}
			if (pointRule == null) {
				assertThat(rowRule).as("row refused although its point was written: %s", point).isNull();
				byte[] line = Arrays.copyOfRange(rowBuffer.array(), rowStart, rowBuffer.size());
				assertThat(new String(line, StandardCharsets.UTF_8)).as("%s", point)
					.isEqualTo(new String(pointBuffer.array(), pointStart, pointBuffer.size() - pointStart,
							StandardCharsets.UTF_8));
				assertThat(CnosLineProtocolParser.parse(line, line.length)).as("%s", point)
					.containsExactly(expected(point, encoder));
				defaultTagsOverridden += overridden(point, encoder.defaultTags()) ? 1 : 0;
				accepted++;
				continue;
			}
			assertThat(rowRule).as("row written although its point was refused (%s): %s", pointRule, point).isNotNull();
			assertThat(rowBuffer.size()).as("row buffer rolled back").isEqualTo(rowStart);
			List<String> faults = faults(recipe, encoder.precision());
			assertThat(faults).as("faults of %s", point).isNotEmpty();
			assertThat(rowRule).as("%s", point).isEqualTo(faults.get(0));
			if (faults.size() == 1) {
				assertThat(rowRule).as("%s", point).isEqualTo(pointRule);
				singleFaults++;
			}
			refused++;
		}
		// Guard against a generator that makes the test vacuous.
		assertThat(accepted).isGreaterThan(ITERATIONS / 2);
		assertThat(refused).isGreaterThan(ITERATIONS / 50);
		assertThat(singleFaults).isGreaterThan(refused / 2);
		assertThat(defaultTagsOverridden).isPositive();
	}

	/** The rule of a refusal, after the subject that must start its message. */
	private static String rule(IllegalArgumentException ex, String subject) {
		assertThat(ex.getMessage()).startsWith(subject + REFUSED);
		return ex.getMessage().substring(subject.length() + REFUSED.length());
	}

	/**
	 * The rules the encoder refuses each part of the row by, in the order the row writer
	 * meets them: measurement, tags, fields in the order given, then the row as a whole
	 * (no field, no field to lead, its time). Each part is checked alone, in a point
	 * whose other parts are plain, where the part stands in the row's line.
	 */
	private static List<String> faults(RandomRows.Recipe recipe, CnosPrecision precision) {
		List<String> faults = new ArrayList<>();
		addFault(faults, Point.measurement(recipe.measurement()).field("f", 1L), PLAIN);
		for (Map.Entry<String, String> tag : recipe.tags()) {
			addFault(faults, Point.measurement("m").tag(tag.getKey(), tag.getValue()).field(other(tag.getKey()), 1L),
					PLAIN);
		}
		boolean leaderSeen = false;
		for (RandomRows.Field field : recipe.fields()) {
			boolean leads = !leaderSeen && LineProtocolSyntax.canStartToken(field.key(), Element.FIELD_KEY);
			Point alone = leads ? Point.measurement("m") : Point.measurement("m").field(other(field.key()), 1L);
			field.addTo(alone);
			addFault(faults, alone, PLAIN);
			leaderSeen |= leads;
		}
		if (recipe.fields().isEmpty()) {
			faults.add(LineProtocolSyntax.NO_FIELD);
		}
		else if (!leaderSeen) {
			faults.add(LineProtocolSyntax.NO_LEADING_FIELD);
		}
		Point timed = Point.measurement("m").field("f", 1L);
		if (recipe.time() != null) {
			recipe.time().setOn(timed);
		}
		addFault(faults, timed, new LineProtocolEncoder(precision));
		return faults;
	}

	private static void addFault(List<String> faults, Point point, LineProtocolEncoder encoder) {
		try {
			encoder.encode(point, new LineProtocolBuffer(64));
		}
		catch (IllegalArgumentException ex) {
			faults.add(rule(ex, point.describe()));
		}
	}

	/** A plain key that is not {@code key}. */
	private static String other(String key) {
		return "f".equals(key) ? "g" : "f";
	}

	/** The line the point must read back as, with the default tags it lacks. */
	private static CnosLineProtocolParser.Line expected(Point point, LineProtocolEncoder encoder) {
		Map<String, String> tags = new LinkedHashMap<>(point.getTags());
		encoder.defaultTags().asMap().forEach((key, value) -> {
			if (!point.getFields().containsKey(key)) {
				tags.putIfAbsent(key, value);
			}
		});
		@Nullable Long timestamp = (point.getTime() != null) ? point.getTimestamp(encoder.precision()) : null;
		return new CnosLineProtocolParser.Line(point.getMeasurement(), tags, point.getFields(), timestamp);
	}

	private static boolean overridden(Point point, DefaultTags defaultTags) {
		return defaultTags.asMap()
			.keySet()
			.stream()
			.anyMatch((key) -> point.getTags().containsKey(key) || point.getFields().containsKey(key));
	}

}

package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PointTest {

	@Test
	void exposesWhatWasBuilt() {
		Point point = Point.measurement("m")
			.tag("b", "1")
			.tag("a", "2")
			.field("i", 1L)
			.field("d", 2.5)
			.field("t", true)
			.field("s", "x")
			.unsignedField("u", -1L)
			.time(Instant.parse("2024-01-02T03:04:05.123456789Z"));
		assertThat(point.getMeasurement()).isEqualTo("m");
		assertThat(point.getTags()).containsExactly(Map.entry("b", "1"), Map.entry("a", "2"));
		assertThat(point.getFields()).containsExactly(Map.entry("i", 1L), Map.entry("d", 2.5), Map.entry("t", true),
				Map.entry("s", "x"), Map.entry("u", new BigInteger("18446744073709551615")));
		assertThat(point.getTime()).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456789Z"));
	}

	@Test
	void keepsManyTagsAndFieldsInInsertionOrder() {
		Point point = Point.measurement("m");
		Map<String, String> tags = new LinkedHashMap<>();
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < 20; i++) {
			point.tag("t" + i, "v" + i);
			tags.put("t" + i, "v" + i);
			// A string first, then every type, so that string values survive the arrays
			// growing.
			switch (i % 5) {
				case 0 -> point.field("s" + i, "text " + i);
				case 1 -> point.field("s" + i, (long) -i);
				case 2 -> point.field("s" + i, i + 0.5);
				case 3 -> point.field("s" + i, i % 2 == 0);
				default -> point.unsignedField("s" + i, -i);
			}
			fields.put("s" + i, switch (i % 5) {
				case 0 -> "text " + i;
				case 1 -> (long) -i;
				case 2 -> i + 0.5;
				case 3 -> i % 2 == 0;
				default -> new BigInteger(Long.toUnsignedString(-i));
			});
		}
		assertThat(point.getTags()).containsExactlyEntriesOf(tags);
		assertThat(point.getFields()).containsExactlyEntriesOf(fields);
		assertThatIllegalArgumentException().isThrownBy(() -> point.field("t19", 1L))
			.withMessageContaining("already used for a tag");
		assertThatIllegalArgumentException().isThrownBy(() -> point.tag("s19", "x"))
			.withMessageContaining("already used for a field");
	}

	@Test
	void refusesDuplicateKeysAlsoWhenItHasManyKeys() {
		Point point = Point.measurement("m");
		for (int i = 0; i < 40; i++) {
			point.tag("t" + i, "v").field("f" + i, i);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> point.tag("t3", "again"))
			.withMessage("Point 'm': duplicate key 't3', already used for a tag");
		assertThatIllegalArgumentException().isThrownBy(() -> point.field("t39", 1L))
			.withMessage("Point 'm': duplicate key 't39', already used for a tag");
		assertThatIllegalArgumentException().isThrownBy(() -> point.tag("f0", "x"))
			.withMessage("Point 'm': duplicate key 'f0', already used for a field");
		assertThatIllegalArgumentException().isThrownBy(() -> point.tag("null-value", null));
		point.tag("null-value", "now set");
		assertThat(point.getTags()).hasSize(41).containsEntry("null-value", "now set");
	}

	@Test
	void hasNoTimeUntilOneIsSet() {
		Point point = Point.measurement("m").field("f", 1L);
		assertThat(point.getTime()).isNull();
		assertThatIllegalStateException().isThrownBy(() -> point.getTimestamp(CnosPrecision.NS));
	}

	@Test
	void gettersAreReadOnly() {
		Point point = Point.measurement("m").tag("t", "v").field("f", 1L);
		assertThat(point.getTags()).isUnmodifiable();
		assertThat(point.getFields()).isUnmodifiable();
	}

	@Test
	void refusesDuplicateKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").tag("k", "1").tag("k", "2"))
			.withMessage("Point 'm': duplicate key 'k', already used for a tag");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").field("k", 1L).field("k", 2.0))
			.withMessage("Point 'm': duplicate key 'k', already used for a field");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").tag("k", "1").field("k", 1L))
			.withMessageContaining("already used for a tag");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").field("k", 1L).tag("k", "1"))
			.withMessageContaining("already used for a field");
	}

	@Test
	void refusesNulls() {
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement(null));
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").tag(null, "v"));
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").tag("t", null));
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").field("f", (String) null));
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").unsignedField("f", null));
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").time(null));
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").time(1, null));
	}

	@Test
	void refusesUnsignedValuesOutOfRange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Point.measurement("m").unsignedField("u", BigInteger.ONE.shiftLeft(64)))
			.withMessageContaining("must be between 0 and 18446744073709551615");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Point.measurement("m").unsignedField("u", BigInteger.valueOf(-1)));
		assertThat(Point.measurement("m")
			.unsignedField("u", BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
			.getFields()).containsEntry("u", new BigInteger("18446744073709551615"));
	}

	@Test
	void keepsTheTimeExactAcrossPrecisions() {
		for (CnosPrecision precision : CnosPrecision.values()) {
			for (long timestamp : new long[] { Long.MIN_VALUE, Long.MIN_VALUE + 1, -1_000_001, -1, 0, 1, 999,
					Long.MAX_VALUE }) {
				Point point = Point.measurement("m").time(timestamp, precision);
				assertThat(point.getTimestamp(precision)).as("%d %s", timestamp, precision).isEqualTo(timestamp);
			}
		}
	}

	@Test
	void convertsToFinerPrecisionAndToCoarserOnlyWithoutLoss() {
		Point point = Point.measurement("m").time(-1_500, CnosPrecision.MS);
		assertThat(point.getTimestamp(CnosPrecision.US)).isEqualTo(-1_500_000);
		assertThat(point.getTimestamp(CnosPrecision.NS)).isEqualTo(-1_500_000_000);
		assertThat(point.getTime()).isEqualTo(Instant.ofEpochMilli(-1_500));
		Point fine = Point.measurement("m").time(-1, CnosPrecision.NS);
		assertThatIllegalArgumentException().isThrownBy(() -> fine.getTimestamp(CnosPrecision.US))
			.withMessageContaining("without dropping digits");
	}

	@Test
	void refusesTimesOutsideTheSixtyFourBitRange() {
		Point point = Point.measurement("m").time(Instant.ofEpochSecond(Instant.MAX.getEpochSecond()));
		assertThatIllegalArgumentException().isThrownBy(() -> point.getTimestamp(CnosPrecision.MS))
			.withMessageContaining("does not fit");
		Point justOutside = Point.measurement("m").time(Instant.ofEpochSecond(0, Long.MIN_VALUE).minusNanos(1));
		assertThatIllegalArgumentException().isThrownBy(() -> justOutside.getTimestamp(CnosPrecision.NS));
	}

	@Test
	void describesItselfWithoutEncoding() {
		assertThat(Point.measurement("m").field("f", Double.NaN))
			.hasToString("Point{measurement=m, tags={}, fields={f=NaN}, time=null}");
	}

}

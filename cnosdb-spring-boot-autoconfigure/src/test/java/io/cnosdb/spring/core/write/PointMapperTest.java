package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;
import io.cnosdb.spring.core.write.annotation.Tag;
import io.cnosdb.spring.core.write.annotation.Timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PointMapper}: every supported type, names, null handling, and the
 * refusals.
 */
class PointMapperTest {

	enum Level {

		LOW, HIGH

	}

	@Measurement("air")
	record Air(@Tag String station, @Tag("lvl") Level level, @Field("vis") double visibility, @Field float f,
			@Field int i, @Field short s, @Field byte b, @Field Long boxed, @Field boolean ok, @Field BigInteger big,
			@Field String text, @Field Level state, @Timestamp Instant time, String ignored) {
	}

	@Test
	void mapsEveryTypeOfARecord() {
		Air air = new Air("XiaoMaiDao", Level.HIGH, 56.0, 1.5f, 7, (short) 8, (byte) 9, 10L, true,
				new BigInteger("18446744073709551615"), "x y", Level.LOW, Instant.ofEpochSecond(3, 4), "not written");
		Point point = PointMapper.toPoint(air);
		assertThat(point.getMeasurement()).isEqualTo("air");
		assertThat(point.getTags()).containsExactly(Map.entry("station", "XiaoMaiDao"), Map.entry("lvl", "HIGH"));
		assertThat(point.getFields()).containsExactly(Map.entry("vis", 56.0), Map.entry("f", 1.5), Map.entry("i", 7L),
				Map.entry("s", 8L), Map.entry("b", 9L), Map.entry("boxed", 10L), Map.entry("ok", true),
				Map.entry("big", new BigInteger("18446744073709551615")), Map.entry("text", "x y"),
				Map.entry("state", "LOW"));
		assertThat(point.getTime()).isEqualTo(Instant.ofEpochSecond(3, 4));
	}

	static class Base {

		@Tag
		String region = "eu";

	}

	@Measurement("cpu")
	static class Cpu extends Base {

		static int notAProperty = 1;

		@Field
		Double usage;

		@Field
		Long count;

		@Timestamp(precision = CnosPrecision.MS)
		Long at;

		String plain = "ignored";

	}

	@Test
	void mapsClassFieldsIncludingInheritedOnes() {
		Cpu cpu = new Cpu();
		cpu.usage = 0.5;
		cpu.at = 1500L;
		Point point = PointMapper.toPoint(cpu);
		assertThat(point.getTags()).containsExactly(Map.entry("region", "eu"));
		assertThat(point.getFields()).containsExactly(Map.entry("usage", 0.5));
		assertThat(point.getTime()).isEqualTo(Instant.ofEpochMilli(1500));
	}

	@Test
	void leavesOutNullTagsAndFieldsAndANullTime() {
		Cpu cpu = new Cpu();
		cpu.region = null;
		cpu.count = 2L;
		Point point = PointMapper.toPoint(cpu);
		assertThat(point.getTags()).isEmpty();
		assertThat(point.getFields()).containsOnlyKeys("count");
		assertThat(point.getTime()).isNull();
	}

	@Test
	void refusesAnObjectWhoseFieldsAreAllNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new Cpu()))
			.withMessageContaining(Cpu.class.getName())
			.withMessageContaining("[usage, count] are null");
	}

	@Measurement("t")
	record WithOffset(@Field long v, @Timestamp OffsetDateTime time) {
	}

	@Test
	void mapsOffsetDateTimes() {
		Point point = PointMapper
			.toPoint(new WithOffset(1, OffsetDateTime.of(2024, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1))));
		assertThat(point.getTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
	}

	@Test
	void returnsAPointAsItIs() {
		Point point = Point.measurement("m").field("f", 1L);
		assertThat(PointMapper.toPoint(point)).isSameAs(point);
	}

	record NotAnnotated(@Field long v) {
	}

	@Measurement("")
	record EmptyMeasurement(@Field long v) {
	}

	@Measurement("m")
	record NoField(@Tag String t) {
	}

	@Measurement("m")
	record UnsupportedField(@Field List<String> values) {
	}

	@Measurement("m")
	record UnsupportedTag(@Tag int id, @Field long v) {
	}

	@Measurement("m")
	record UnsupportedTime(@Field long v, @Timestamp String time) {
	}

	@Measurement("m")
	record TwoTimes(@Field long v, @Timestamp Instant a, @Timestamp Instant b) {
	}

	@Measurement("m")
	record DuplicateKey(@Field("v") long a, @Tag("v") String b) {
	}

	@Measurement("m")
	record TwoAnnotations(@Field @Tag String v) {
	}

	@Test
	void refusesUnmappableTypesNamingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new NotAnnotated(1)))
			.withMessageContaining(NotAnnotated.class.getName())
			.withMessageContaining("not annotated with @" + Measurement.class.getName());
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint("text"))
			.withMessageContaining("java.lang.String");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new EmptyMeasurement(1)))
			.withMessageContaining("must name the measurement");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new NoField("x")))
			.withMessageContaining("has no @Field");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new UnsupportedField(List.of())))
			.withMessageContaining(UnsupportedField.class.getName() + ".values")
			.withMessageContaining("does not support type java.util.List");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new UnsupportedTag(1, 1)))
			.withMessageContaining("@Tag does not support type int");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new UnsupportedTime(1, "now")))
			.withMessageContaining("@Timestamp does not support type java.lang.String");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new TwoTimes(1, null, null)))
			.withMessageContaining("more than one @Timestamp");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new DuplicateKey(1, "x")))
			.withMessageContaining("key 'v'");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(new TwoAnnotations("x")))
			.withMessageContaining("more than one of");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(List.of(1)))
			.withMessageContaining("writeObjects");
		assertThatIllegalArgumentException().isThrownBy(() -> PointMapper.toPoint(null));
	}

	@Test
	void mapsTheSameClassRepeatedly() {
		for (int i = 0; i < 3; i++) {
			assertThat(PointMapper.toPoint(new WithOffset(i, null)).getFields()).containsEntry("v", (long) i);
		}
	}

}

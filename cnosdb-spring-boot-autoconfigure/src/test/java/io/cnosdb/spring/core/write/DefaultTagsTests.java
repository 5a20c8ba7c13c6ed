package io.cnosdb.spring.core.write;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link DefaultTags} are checked once, written after a point's own tags in name order,
 * escaped as any tag, and left out where the point has a tag or field of their name.
 */
class DefaultTagsTests {

	private final LineProtocolBuffer buffer = new LineProtocolBuffer(16);

	@Test
	void areWrittenAfterThePointsOwnTagsSortedByName() {
		DefaultTags tags = DefaultTags.of(map("region", "east", "host", "node-1"));
		Point point = Point.measurement("air")
			.tag("station", "XiaoMaiDao")
			.field("temperature", 69.0)
			.time(1, CnosPrecision.NS);
		assertThat(encode(tags, point))
			.isEqualTo("air,station=XiaoMaiDao,host=node-1,region=east temperature=69.0 1\n");
		assertThat(tags.asMap()).containsExactly(Map.entry("host", "node-1"), Map.entry("region", "east"));
	}

	@Test
	void areAddedToPointsWithoutTags() {
		DefaultTags tags = DefaultTags.of(Map.of("host", "node-1"));
		assertThat(encode(tags, Point.measurement("air").field("v", 1L))).isEqualTo("air,host=node-1 v=1i\n");
	}

	@Test
	void neverOverrideATagOrFieldOfThePoint() {
		DefaultTags tags = DefaultTags.of(map("host", "default", "region", "east", "status", "ok"));
		Point point = Point.measurement("m").tag("host", "own").field("status", "failed").field("v", 1L);
		assertThat(encode(tags, point)).isEqualTo("m,host=own,region=east status=\"failed\",v=1i\n");
	}

	@Test
	void neverOverrideAKeyOfAPointWithManyKeys() {
		// Past 16 keys a point looks its keys up in a set rather than scanning them.
		Point point = Point.measurement("m");
		for (int i = 0; i < 20; i++) {
			point.tag("t" + i, "v" + i);
		}
		point.field("f", 1L);
		DefaultTags tags = DefaultTags.of(map("t19", "default", "zone", "z1"));
		CnosLineProtocolParser.Line line = parseOne(encode(tags, point));
		assertThat(line.tags()).hasSize(21).containsEntry("t19", "v19").containsEntry("zone", "z1");
	}

	@Test
	void areEscapedAsAnyTagAndReadBackAsGiven() {
		DefaultTags tags = DefaultTags.of(map("data center", "rack 1,row=2", "k=v", "a\\\\b", "名前", "値"));
		String line = encode(tags, Point.measurement("m").field("v", 1L));
		assertThat(line).isEqualTo("m,data\\ center=rack\\ 1\\,row\\=2,k\\=v=a\\\\b,名前=値 v=1i\n");
		assertThat(parseOne(line).tags()).containsExactly(Map.entry("data center", "rack 1,row=2"),
				Map.entry("k=v", "a\\\\b"), Map.entry("名前", "値"));
	}

	@Test
	void leaveThePointsOwnEscapingAlone() {
		DefaultTags tags = DefaultTags.of(Map.of("host", "h"));
		Point point = Point.measurement("cpu load").tag("a b", "c,d").field("e=f", "g\"h");
		assertThat(encode(tags, point)).isEqualTo(
				Point.measurement("cpu load").tag("a b", "c,d").tag("host", "h").field("e=f", "g\"h").toLineProtocol()
						+ "\n");
	}

	@Test
	void fitTheBufferGrownForThePoint() {
		// The buffer is grown once per point: the bound must count the default tags.
		DefaultTags tags = DefaultTags.of(Map.of("long", "x".repeat(10_000)));
		LineProtocolBuffer small = new LineProtocolBuffer(1);
		new LineProtocolEncoder(CnosPrecision.NS, tags).encode(Point.measurement("m").field("v", 1L), small);
		assertThat(small.toString()).isEqualTo("m,long=" + "x".repeat(10_000) + " v=1i\n");
	}

	@Test
	void noneLeavePointsAsTheyAre() {
		Point point = Point.measurement("air").tag("station", "s").field("v", 1.5).time(7, CnosPrecision.NS);
		assertThat(DefaultTags.of(Map.of())).isSameAs(DefaultTags.NONE);
		assertThat(encode(DefaultTags.NONE, point)).isEqualTo(point.toLineProtocol() + "\n");
	}

	@Test
	void aRefusedPointLeavesTheBufferAsItWas() {
		DefaultTags tags = DefaultTags.of(Map.of("host", "h"));
		LineProtocolEncoder encoder = new LineProtocolEncoder(CnosPrecision.NS, tags);
		encoder.encode(Point.measurement("m").field("v", 1L), this.buffer);
		int size = this.buffer.size();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> encoder.encode(Point.measurement("m").field("s", "\uD800"), this.buffer));
		assertThat(this.buffer.size()).isEqualTo(size);
	}

	@Test
	void tagsThatCannotBeWrittenAreRefusedOnceNamingTheRule() {
		assertThatIllegalArgumentException().isThrownBy(() -> DefaultTags.of(Map.of("host", "")))
			.withMessage("A default tag cannot be written as line protocol: tag value must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> DefaultTags.of(Map.of("", "x")))
			.withMessage("A default tag cannot be written as line protocol: tag key must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> DefaultTags.of(Map.of("host", "a\nb")))
			.withMessageContaining("tag value 'a\nb' must not contain a newline");
		assertThatIllegalArgumentException().isThrownBy(() -> DefaultTags.of(Map.of("host", "a\\b")))
			.withMessageContaining("tag value 'a\\b' has a backslash followed by 'b'");
		assertThatIllegalArgumentException().isThrownBy(() -> DefaultTags.of(Map.of("host", "\uD800")))
			.withMessageContaining("unpaired surrogate");
		Map<String, String> nullValue = new HashMap<>();
		nullValue.put("host", null);
		assertThatIllegalArgumentException().isThrownBy(() -> DefaultTags.of(nullValue))
			.withMessage("The value of default tag 'host' must not be null");
	}

	private String encode(DefaultTags tags, Point point) {
		new LineProtocolEncoder(CnosPrecision.NS, tags).encode(point, this.buffer);
		return this.buffer.toString();
	}

	private static Map<String, String> map(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static CnosLineProtocolParser.Line parseOne(String line) {
		List<CnosLineProtocolParser.Line> lines = CnosLineProtocolParser.parse(line);
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

}

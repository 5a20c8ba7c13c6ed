package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Exact lines for each rule of {@link LineProtocolEncoder}, and every refusal. Where a
 * line relies on a CnosDB parser rule, it is also read back with
 * {@link CnosLineProtocolParser}.
 */
class LineProtocolEncoderTest {

	private final LineProtocolBuffer buffer = new LineProtocolBuffer(16);

	@Test
	void writesTheDocumentedExampleLine() {
		Point point = Point.measurement("air")
			.tag("station", "XiaoMaiDao")
			.field("visibility", 56.0)
			.field("temperature", 69.0)
			.field("pressure", 77.0)
			.time(1666165200290401000L, CnosPrecision.NS);
		assertThat(encode(point))
			.isEqualTo("air,station=XiaoMaiDao visibility=56.0,temperature=69.0,pressure=77.0 1666165200290401000\n");
	}

	@Test
	void keepsTagAndFieldInsertionOrder() {
		Point point = Point.measurement("m").tag("z", "1").tag("a", "2").field("y", 1L).field("b", 2L);
		assertThat(point.toLineProtocol()).isEqualTo("m,z=1,a=2 y=1i,b=2i");
	}

	@Test
	void writesEveryFieldType() {
		Point point = Point.measurement("m")
			.field("i", -42L)
			.field("d", 1.5)
			.field("t", true)
			.field("f", false)
			.field("s", "text")
			.unsignedField("u", 7L)
			.time(3, CnosPrecision.NS);
		assertThat(point.toLineProtocol()).isEqualTo("m i=-42i,d=1.5,t=true,f=false,s=\"text\",u=7u 3");
	}

	@Test
	void writesIntegerExtremes() {
		Point point = Point.measurement("m")
			.field("min", Long.MIN_VALUE)
			.field("max", Long.MAX_VALUE)
			.field("zero", 0L)
			.unsignedField("umax", -1L)
			.unsignedField("half", Long.MIN_VALUE)
			.unsignedField("big", new BigInteger("18446744073709551614"))
			.unsignedField("uzero", BigInteger.ZERO);
		assertThat(point.toLineProtocol()).isEqualTo("m min=-9223372036854775808i,max=9223372036854775807i,zero=0i,"
				+ "umax=18446744073709551615u,half=9223372036854775808u,big=18446744073709551614u,uzero=0u");
	}

	@Test
	void writesDoublesSoThatTheyParseBackExactly() {
		Point point = Point.measurement("m")
			.field("one", 1.0)
			.field("negativeZero", -0.0)
			.field("large", 1.0E10)
			.field("small", 1.0E-7)
			.field("max", Double.MAX_VALUE)
			.field("subnormal", Double.MIN_VALUE);
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo(
				"m one=1.0,negativeZero=-0.0,large=1.0E10,small=1.0E-7,max=1.7976931348623157E308,subnormal=4.9E-324");
		assertThat(parseOne(line).fields()).isEqualTo(point.getFields());
	}

	@Test
	void writesTheShortestDecimalWhereDoubleToStringOfJava17WritesMoreDigits() {
		Point point = Point.measurement("m")
			.field("a", 2.0E-3)
			.field("b", 1.0E23)
			.field("c", 2.82879384806159008E17)
			.field("d", 5.47)
			.field("e", -1234567.5);
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo("m a=0.002,b=1.0E23,c=2.82879384806159E17,d=5.47,e=-1234567.5");
		assertThat(parseOne(line).fields()).isEqualTo(point.getFields());
	}

	@Test
	void escapesCommaAndSpaceInMeasurementButNotEquals() {
		Point point = Point.measurement("my table,1").field("f", 1L);
		assertThat(point.toLineProtocol()).isEqualTo("my\\ table\\,1 f=1i");
		assertThat(Point.measurement("a=b").field("f", 1L).toLineProtocol()).isEqualTo("a=b f=1i");
		assertThat(parseOne("my\\ table\\,1 f=1i").table()).isEqualTo("my table,1");
	}

	@Test
	void escapesCommaSpaceAndEqualsInTagsAndFieldKeys() {
		Point point = Point.measurement("m").tag("k,e y=", "v a,l=ue").field("f i,e=ld", 1L);
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo("m,k\\,e\\ y\\==v\\ a\\,l\\=ue f\\ i\\,e\\=ld=1i");
		CnosLineProtocolParser.Line parsed = parseOne(line);
		assertThat(parsed.tags()).containsExactly(Map.entry("k,e y=", "v a,l=ue"));
		assertThat(parsed.fields()).containsOnlyKeys("f i,e=ld");
	}

	@Test
	void writesBackslashPairsInNamesAsTheyAreBecauseCnosDbKeepsThem() {
		Point point = Point.measurement("m\\\\x").tag("q\\\"", "v\\'").field("f\\\\", 1L);
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo("m\\\\x,q\\\"=v\\' f\\\\=1i");
		CnosLineProtocolParser.Line parsed = parseOne(line);
		assertThat(parsed.table()).isEqualTo("m\\\\x");
		assertThat(parsed.tags()).containsExactly(Map.entry("q\\\"", "v\\'"));
		assertThat(parsed.fields()).containsOnlyKeys("f\\\\");
	}

	@Test
	void writesABackslashPairFollowedByAnEscapedCharacter() {
		Point point = Point.measurement("m").tag("t", "a\\\\,b").field("f", 1L);
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo("m,t=a\\\\\\,b f=1i");
		assertThat(parseOne(line).tags()).containsExactly(Map.entry("t", "a\\\\,b"));
	}

	@Test
	void quotesStringsEscapingOnlyBackslashAndQuote() {
		Point point = Point.measurement("m").field("s", "say \"hi\", x=1 \\ \\\\ '\nnext\rline");
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo("m s=\"say \\\"hi\\\", x=1 \\\\ \\\\\\\\ '\nnext\rline\"");
		assertThat(parseOne(line).fields()).isEqualTo(point.getFields());
	}

	@Test
	void writesEmptyString() {
		assertThat(Point.measurement("m").field("s", "").toLineProtocol()).isEqualTo("m s=\"\"");
	}

	@Test
	void encodesUnicodeAsUtf8IncludingSurrogatePairs() {
		Point point = Point.measurement("温度").tag("站", "é😀").field("值", "ü€𝄞");
		encode(point);
		String expected = "温度,站=é😀 值=\"ü€𝄞\"\n";
		assertThat(this.buffer.toByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void writesFirstAFieldWhoseKeyCanStartTheFieldSet() {
		Point point = Point.measurement("m").field(" lead", 1L).field("=x", 2L).field("ok", 3L).field(",z", 4L);
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo("m ok=3i,\\ lead=1i,\\=x=2i,\\,z=4i");
		assertThat(parseOne(line).fields()).isEqualTo(point.getFields());
	}

	@Test
	void allowsAQuotePairAtTheStartOfTheMeasurement() {
		Point point = Point.measurement("\\\"m x").field("f", 1L);
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo("\\\"m\\ x f=1i");
		assertThat(parseOne(line).table()).isEqualTo("\\\"m x");
	}

	@Test
	void writesALeadingBackslashAloneBecauseTheServerTakesTheFirstByteAsItIs() {
		assertLeadingBackslash("\\m", "\\m");
		assertLeadingBackslash("\\", "\\");
		assertLeadingBackslash("\\=m", "\\=m");
		assertLeadingBackslash("\\,m x", "\\\\,m\\ x");
		assertLeadingBackslash("\\\\\\", "\\\\\\");
		assertRefused(Point.measurement("\\\\m").field("f", 1L), "has a backslash followed by 'm'");
		Point point = Point.measurement("m").field("\\", 1L).field("x", 2L);
		assertThat(point.toLineProtocol()).isEqualTo("m \\=1i,x=2i");
		assertThat(parseOne(point.toLineProtocol()).fields()).isEqualTo(point.getFields());
	}

	private void assertLeadingBackslash(String measurement, String written) {
		Point point = Point.measurement(measurement).field("f", 1L);
		assertThat(point.toLineProtocol()).isEqualTo(written + " f=1i");
		assertThat(parseOne(point.toLineProtocol()).table()).isEqualTo(measurement);
	}

	@Test
	void writesTimestampInTheRequestedPrecision() {
		Point point = Point.measurement("m").field("f", 1L).time(Instant.ofEpochSecond(1, 2_000_000));
		assertThat(point.toLineProtocol(CnosPrecision.NS)).isEqualTo("m f=1i 1002000000");
		assertThat(point.toLineProtocol(CnosPrecision.US)).isEqualTo("m f=1i 1002000");
		assertThat(point.toLineProtocol(CnosPrecision.MS)).isEqualTo("m f=1i 1002");
	}

	@Test
	void writesNegativeAndExtremeTimestamps() {
		assertThat(Point.measurement("m").field("f", 1L).time(Long.MIN_VALUE, CnosPrecision.NS).toLineProtocol())
			.endsWith(" -9223372036854775808");
		assertThat(Point.measurement("m")
			.field("f", 1L)
			.time(Long.MAX_VALUE, CnosPrecision.MS)
			.toLineProtocol(CnosPrecision.MS)).endsWith(" 9223372036854775807");
		assertThat(Point.measurement("m").field("f", 1L).time(-1, CnosPrecision.MS).toLineProtocol())
			.endsWith(" -1000000");
	}

	@Test
	void omitsTheTimestampWhenThereIsNoTimeInNanosecondPrecision() {
		assertThat(Point.measurement("m").field("f", 1L).toLineProtocol()).isEqualTo("m f=1i");
	}

	@Test
	void appendsLinesToTheSameBuffer() {
		LineProtocolEncoder encoder = new LineProtocolEncoder(CnosPrecision.MS);
		for (int i = 0; i < 100; i++) {
			encoder.encode(Point.measurement("m").tag("t", "v" + i).field("f", i).time(i, CnosPrecision.MS),
					this.buffer);
		}
		List<CnosLineProtocolParser.Line> lines = CnosLineProtocolParser.parse(this.buffer.array(), this.buffer.size());
		assertThat(lines).hasSize(100);
		assertThat(lines.get(99))
			.isEqualTo(new CnosLineProtocolParser.Line("m", Map.of("t", "v99"), Map.of("f", 99L), 99L));
	}

	@Test
	void refusesEmptyMeasurement() {
		assertRefused(Point.measurement("").field("f", 1L), "measurement must not be empty");
	}

	@Test
	void refusesEmptyTagKey() {
		assertRefused(Point.measurement("m").tag("", "v").field("f", 1L), "tag key must not be empty");
	}

	@Test
	void refusesEmptyTagValue() {
		assertRefused(Point.measurement("m").tag("t", "").field("f", 1L), "tag value must not be empty");
	}

	@Test
	void refusesEmptyFieldKey() {
		assertRefused(Point.measurement("m").field("", 1L), "field key must not be empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\nb", "a\rb", "\n" })
	void refusesNewlinesInNames(String name) {
		assertRefused(Point.measurement(name).field("f", 1L), "newline");
		assertRefused(Point.measurement("m").tag(name, "v").field("f", 1L), "newline");
		assertRefused(Point.measurement("m").tag("t", name).field("f", 1L), "newline");
		assertRefused(Point.measurement("m").field(name, 1L), "newline");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\\b", "a\\", "\\", "a\\\\\\", "a\\\n" })
	void refusesBackslashesCnosDbCannotStoreAnywhere(String name) {
		String rule = "has a backslash followed by";
		assertRefused(Point.measurement("m" + name).field("f", 1L), rule);
		assertRefused(Point.measurement("m").tag(name, "v").field("f", 1L), rule);
		assertRefused(Point.measurement("m").tag("t", name).field("f", 1L), rule);
		assertRefused(Point.measurement("m").field("f", 1L).field(name, 1L), rule);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\\,b", "a\\ b" })
	void writesBackslashBeforeCommaOrSpaceOnlyInKeys(String name) {
		assertRefused(Point.measurement("m" + name).field("f", 1L), "in a measurement");
		assertRefused(Point.measurement("m").tag("t", name).field("f", 1L), "in a tag value");
		Point point = Point.measurement("m").tag(name, "v").field("f", 1L).field("x" + name, 2L);
		String line = point.toLineProtocol();
		String written = name.replace("\\", "\\\\");
		assertThat(line).isEqualTo("m," + written + "=v f=1i,x" + written + "=2i");
		assertThat(parseOne(line))
			.isEqualTo(new CnosLineProtocolParser.Line("m", point.getTags(), point.getFields(), null));
	}

	@Test
	void writesBackslashBeforeEqualsOnlyInMeasurementAndTagValue() {
		assertRefused(Point.measurement("m").tag("a\\=b", "v").field("f", 1L), "in a tag key");
		assertRefused(Point.measurement("m").field("f", 1L).field("a\\=b", 1L), "in a field key");
		Point point = Point.measurement("m\\=x").tag("t", "a\\=b").field("f", 1L);
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo("m\\\\=x,t=a\\\\=b f=1i");
		assertThat(parseOne(line))
			.isEqualTo(new CnosLineProtocolParser.Line("m\\=x", Map.of("t", "a\\=b"), point.getFields(), null));
	}

	@Test
	void refusesMeasurementStartingWithHash() {
		assertRefused(Point.measurement("#m").field("f", 1L), "comment");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\tm", "\fm" })
	void refusesMeasurementStartingWithBlank(String name) {
		assertRefused(Point.measurement(name).field("f", 1L), "tab or form feed");
	}

	@ParameterizedTest
	@ValueSource(strings = { " m", ",m" })
	void refusesMeasurementStartingWithWhatTheServerDoesNotUnescape(String name) {
		assertRefused(Point.measurement(name).field("f", 1L), "first character of a line");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a=b c", "a=b,c", "a=b\\\"" })
	void refusesEqualsInMeasurementNeedingBackslashes(String name) {
		assertRefused(Point.measurement(name).field("f", 1L), "refuses '\\=' in a measurement");
	}

	@Test
	void allowsLeadingEqualsInMeasurementNeedingBackslashes() {
		String line = Point.measurement("=a b").field("f", 1L).toLineProtocol();
		assertThat(line).isEqualTo("=a\\ b f=1i");
		assertThat(parseOne(line).table()).isEqualTo("=a b");
	}

	@Test
	void refusesWhenNoFieldKeyCanStartTheFieldSet() {
		assertRefused(Point.measurement("m").field(" a", 1L).field(",b", 2L).field("=c", 3L),
				"first character of the field set");
	}

	@Test
	void refusesSlashInTheMeasurementOnly() {
		// CnosDB 2.4.2 answers 200 to "cpu/load,t=a v=1 …" and keeps nothing; tags and
		// fields
		// holding '/' are stored.
		assertRefused(Point.measurement("cpu/load").field("v", 1.0), "must not contain '/'");
		assertThat(Point.measurement("cpu").tag("t/k", "a/b").field("f/x", 1.0).toLineProtocol())
			.isEqualTo("cpu,t/k=a/b f/x=1.0");
	}

	@Test
	void refusesPointWithoutField() {
		assertRefused(Point.measurement("m").tag("t", "v"), "at least one field is required");
	}

	@Test
	void writesNanAndInfinitiesWithTheSignTheServerNeeds() {
		// Checked against CnosDB 2.4.2: +NaN, +inf and -inf are stored and read back as
		// NaN, inf
		// and -inf; NaN, nan and inf without a sign are refused as invalid field values.
		assertThat(Point.measurement("m").field("f", Double.NaN).toLineProtocol()).isEqualTo("m f=+NaN");
		assertThat(Point.measurement("m").field("f", Double.POSITIVE_INFINITY).toLineProtocol()).isEqualTo("m f=+inf");
		assertThat(Point.measurement("m").field("f", Double.NEGATIVE_INFINITY).toLineProtocol()).isEqualTo("m f=-inf");
	}

	@Test
	void refusesUnpairedSurrogates() {
		assertRefused(Point.measurement("m\uD800").field("f", 1L), "unpaired surrogate at index 1");
		assertRefused(Point.measurement("m").tag("t", "\uDC00x").field("f", 1L), "unpaired surrogate at index 0");
		assertRefused(Point.measurement("m").field("s", "a\uD83D"), "string field 's' has an unpaired surrogate");
		assertRefused(Point.measurement("m").field("s", "\uDE00\uD83D"), "unpaired surrogate");
	}

	@Test
	void refusesTimestampThatLosesDigitsInACoarserPrecision() {
		Point point = Point.measurement("m").field("f", 1L).time(1_500_000L, CnosPrecision.NS);
		assertThat(encode(point, CnosPrecision.US)).isEqualTo("m f=1i 1500\n");
		this.buffer.reset();
		assertRefused(point, CnosPrecision.MS, "without dropping digits");
	}

	@Test
	void refusesTimestampThatOverflowsInAFinerPrecision() {
		Point point = Point.measurement("m").field("f", 1L).time(Long.MAX_VALUE / 1000 + 1, CnosPrecision.US);
		assertRefused(point, CnosPrecision.NS, "does not fit a signed 64-bit timestamp");
		Point early = Point.measurement("m").field("f", 1L).time(Long.MIN_VALUE, CnosPrecision.MS);
		assertRefused(early, CnosPrecision.US, "does not fit");
	}

	@Test
	void refusesMissingTimeInCoarserPrecision() {
		assertRefused(Point.measurement("m").field("f", 1L), CnosPrecision.MS, "a time is required in ms precision");
	}

	@Test
	void leavesTheBufferUnchangedWhenAPointIsRefusedPartWay() {
		LineProtocolEncoder encoder = new LineProtocolEncoder();
		encoder.encode(Point.measurement("ok").field("f", 1L), this.buffer);
		byte[] before = this.buffer.toByteArray();
		Point bad = Point.measurement("m")
			.tag("t", "a long enough value to be written first")
			.field("a", 1L)
			.field("b", "\uD800");
		assertThatIllegalArgumentException().isThrownBy(() -> encoder.encode(bad, this.buffer));
		assertThat(this.buffer.toByteArray()).isEqualTo(before);
		encoder.encode(Point.measurement("next").field("f", 2L), this.buffer);
		assertThat(this.buffer).hasToString("ok f=1i\nnext f=2i\n");
	}

	@Test
	void escapesAndEncodesWhatFollowsAPlainStart() {
		Point point = Point.measurement("plain then 東京, more")
			.tag("key then=", "value then,comma and ü")
			.field("field then ", "text then \"quoted\" and \\ and é")
			.time(1L, CnosPrecision.NS);
		String line = point.toLineProtocol();
		assertThat(line).isEqualTo("plain\\ then\\ 東京\\,\\ more,key\\ then\\==value\\ then\\,comma\\ and\\ ü "
				+ "field\\ then\\ =\"text then \\\"quoted\\\" and \\\\ and é\" 1");
		CnosLineProtocolParser.Line parsed = parseOne(line);
		assertThat(parsed.table()).isEqualTo(point.getMeasurement());
		assertThat(parsed.fields()).isEqualTo(point.getFields());
	}

	@Test
	void growsAnEmptyBufferToHoldALongPoint() {
		LineProtocolBuffer small = new LineProtocolBuffer(0);
		Point point = Point.measurement("m").tag("t", "v".repeat(5000)).field("s", "東".repeat(5000));
		new LineProtocolEncoder().encode(point, small);
		assertThat(small).hasToString(point.toLineProtocol() + "\n");
		// "m,t=", the tag value, " s=", the quoted value of 3 bytes per char, and the
		// newline.
		assertThat(small.size()).isEqualTo(4 + 5000 + 3 + (1 + 3 * 5000 + 1) + 1);
	}

	@Test
	void writesKeptNamesAsItDidTheFirstTime() {
		LineProtocolEncoder encoder = new LineProtocolEncoder();
		for (int round = 0; round < 3; round++) {
			// Equal names in new strings from the second round on, as a mapper or an
			// import would make them.
			String copy = (round == 0) ? "" : new String("");
			Point point = Point.measurement("my table,1" + copy)
				.tag("k=ey" + copy, "v")
				.tag("東京" + copy, "v")
				.field("\\lead" + copy, 1L)
				.field("\\\\ then" + copy, 2L);
			LineProtocolBuffer kept = new LineProtocolBuffer();
			encoder.encode(point, kept);
			assertThat(kept).hasToString(encode(point));
			this.buffer.reset();
		}
	}

	@Test
	void writesKeptNamesOfEveryLengthInBuffersGrownJustEnough() {
		LineProtocolEncoder encoder = new LineProtocolEncoder();
		for (int length = 1; length <= 40; length++) {
			String key = "k".repeat(length);
			String wide = "é".repeat(length);
			// Kept names are stored in whole words past their end: the last one of a line
			// must still fit.
			Point point = Point.measurement(key).tag(wide, "v").field(key, true);
			String expected = key + "," + wide + "=v " + key + "=true\n";
			for (int round = 0; round < 2; round++) {
				LineProtocolBuffer exact = new LineProtocolBuffer(0);
				encoder.encode(point, exact);
				assertThat(exact).as("round %d, length %d", round, length).hasToString(expected);
			}
		}
	}

	@Test
	void refusesABadNameEveryTime() {
		LineProtocolEncoder encoder = new LineProtocolEncoder();
		for (int round = 0; round < 2; round++) {
			Point point = Point.measurement("m").field("a\\b", 1L);
			assertThatIllegalArgumentException().isThrownBy(() -> encoder.encode(point, this.buffer))
				.withMessageContaining("has a backslash followed by 'b'");
		}
	}

	@Test
	void writesMoreDistinctNamesThanItKeeps() {
		LineProtocolEncoder encoder = new LineProtocolEncoder();
		LineProtocolBuffer shared = new LineProtocolBuffer();
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			Point point = Point.measurement("m " + (i % 700)).tag("t," + (i % 900), "v").field("f=" + i, (long) i);
			encoder.encode(point, shared);
			expected.append(point.toLineProtocol()).append('\n');
		}
		assertThat(shared).hasToString(expected.toString());
	}

	@Test
	void namesThePointInTheMessage() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Point.measurement("air").field("f", "\uD800").toLineProtocol())
			.withMessageStartingWith("Point 'air' cannot be written as line protocol: ");
	}

	private String encode(Point point) {
		return encode(point, CnosPrecision.NS);
	}

	private String encode(Point point, CnosPrecision precision) {
		new LineProtocolEncoder(precision).encode(point, this.buffer);
		return this.buffer.toString();
	}

	private void assertRefused(Point point, String rule) {
		assertRefused(point, CnosPrecision.NS, rule);
	}

	private void assertRefused(Point point, CnosPrecision precision, String rule) {
		int sizeBefore = this.buffer.size();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LineProtocolEncoder(precision).encode(point, this.buffer))
			.withMessageStartingWith(point.describe())
			.withMessageContaining(rule);
		assertThat(this.buffer.size()).isEqualTo(sizeBefore);
	}

	private static CnosLineProtocolParser.Line parseOne(String line) {
		List<CnosLineProtocolParser.Line> lines = CnosLineProtocolParser.parse(line + "\n");
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

}

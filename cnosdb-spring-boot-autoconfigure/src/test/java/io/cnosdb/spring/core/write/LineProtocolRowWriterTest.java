package io.cnosdb.spring.core.write;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Exact lines and exact refusals of {@link LineProtocolRowWriter}, and what it leaves in
 * the buffer when a row is refused. {@code LineProtocolRowWriterRoundTripTest} checks
 * that rows come out as their points do over thousands of random rows.
 */
class LineProtocolRowWriterTest {

	private final LineProtocolBuffer buffer = new LineProtocolBuffer(16);

	private final List<String> events = new ArrayList<>();

	private final LineProtocolRowWriter.Listener listener = new LineProtocolRowWriter.Listener() {

		@Override
		public void rowWritten(LineProtocolBuffer written, int start) {
			LineProtocolRowWriterTest.this.events.add("written from " + start + " to " + written.size());
		}

		@Override
		public void rowDropped() {
			LineProtocolRowWriterTest.this.events.add("dropped");
		}

	};

	private final LineProtocolRowWriter writer = writer(new LineProtocolEncoder());

	private LineProtocolRowWriter writer(LineProtocolEncoder encoder) {
		return new LineProtocolRowWriter(encoder, this.buffer, this.listener);
	}

	@Test
	void writesTheDocumentedExampleLine() {
		this.writer.row("air")
			.tag("station", "XiaoMaiDao")
			.field("visibility", 56.0)
			.field("temperature", 69.0)
			.field("pressure", 77.0)
			.at(1666165200290401000L, CnosPrecision.NS);
		assertThat(this.buffer)
			.hasToString("air,station=XiaoMaiDao visibility=56.0,temperature=69.0,pressure=77.0 1666165200290401000\n");
		assertThat(this.events).containsExactly("written from 0 to 90");
	}

	@Test
	void writesEveryFieldType() {
		this.writer.row("m")
			.field("i", -42L)
			.field("d", 1.5)
			.field("t", true)
			.field("f", false)
			.field("s", "say \"hi\" \\ ü 😀\n")
			.unsignedField("u", -1L)
			.unsignedField("big", new BigInteger("18446744073709551614"))
			.field("nan", Double.NaN)
			.field("inf", Double.NEGATIVE_INFINITY)
			.field("min", Long.MIN_VALUE)
			.at(3, CnosPrecision.NS);
		assertThat(this.buffer).hasToString("m i=-42i,d=1.5,t=true,f=false,s=\"say \\\"hi\\\" \\\\ ü 😀\n\","
				+ "u=18446744073709551615u,big=18446744073709551614u,nan=+NaN,inf=-inf,min=-9223372036854775808i 3\n");
	}

	@Test
	void keepsTheOrderOfTagsAndFieldsAndEscapesAsTheEncoderDoes() {
		this.writer.row("my table,1")
			.tag("z", "1")
			.tag("k,e y=", "v a,l=ue")
			.field("y", 1L)
			.field("f i,e=ld", 2L)
			.atNow();
		assertThat(this.buffer).hasToString("my\\ table\\,1,z=1,k\\,e\\ y\\==v\\ a\\,l\\=ue y=1i,f\\ i\\,e\\=ld=2i\n");
	}

	@Test
	void writesFirstAFieldWhoseKeyCanStartTheFieldSetAsTheEncoderDoes() {
		this.writer.row("m").field(" lead", 1L).field("=x", 2L).field("ok", 3L).field(",z", 4L).atNow();
		assertThat(this.buffer).hasToString("m ok=3i,\\ lead=1i,\\=x=2i,\\,z=4i\n");
		// A backslash is written alone at the start of the field set only.
		this.buffer.reset();
		this.writer.row("m").field("=x", 1.5).field("\\", true).field("\\\\", "s").atNow();
		assertThat(this.buffer).hasToString(
				Point.measurement("m").field("=x", 1.5).field("\\", true).field("\\\\", "s").toLineProtocol() + "\n");
	}

	@Test
	void writesTheTimeInTheEncodersPrecision() {
		LineProtocolRowWriter millis = writer(new LineProtocolEncoder(CnosPrecision.MS));
		millis.row("m").field("f", 1L).at(1_002_000_000L, CnosPrecision.NS);
		millis.row("m").field("f", 2L).at(1_002_000L, CnosPrecision.US);
		millis.row("m").field("f", 3L).at(1002, CnosPrecision.MS);
		millis.row("m").field("f", 4L).at(Instant.ofEpochMilli(-1002));
		millis.row("m").field("f", 5L).at(Long.MIN_VALUE, CnosPrecision.MS);
		assertThat(this.buffer).hasToString("m f=1i 1002\n" + "m f=2i 1002\n" + "m f=3i 1002\n" + "m f=4i -1002\n"
				+ "m f=5i -9223372036854775808\n");
	}

	@Test
	void refusesATimeThatCannotBeWrittenExactly() {
		LineProtocolRowWriter millis = writer(new LineProtocolEncoder(CnosPrecision.MS));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> millis.row("m").field("f", 1L).at(1_500, CnosPrecision.US))
			.withMessage("Row 'm' cannot be written as line protocol: time 1970-01-01T00:00:00.001500Z cannot be "
					+ "written in ms precision without dropping digits; write it with a finer precision");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.writer.row("m").field("f", 1L).at(Instant.ofEpochSecond(Long.MAX_VALUE / 1000)))
			.withMessage(
					"Row 'm' cannot be written as line protocol: time " + Instant.ofEpochSecond(Long.MAX_VALUE / 1000)
							+ " does not fit a signed 64-bit timestamp in ns precision");
		assertThatIllegalArgumentException().isThrownBy(() -> millis.row("m").field("f", 1L).atNow())
			.withMessage("Row 'm' cannot be written as line protocol: a time is required in ms precision, because "
					+ "CnosDB fills a missing time with its clock in nanoseconds whatever the precision");
		assertThat(this.buffer.size()).isZero();
	}

	@Test
	void addsTheDefaultTagsTheRowLacksAfterItsOwnAsTheEncoderDoes() {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("region", "east");
		tags.put("host", "h 1");
		tags.put("dc", "z1");
		LineProtocolEncoder encoder = new LineProtocolEncoder(CnosPrecision.NS, DefaultTags.of(tags));
		LineProtocolRowWriter tagging = writer(encoder);
		tagging.row("m").tag("station", "s").field("v", 1.0).at(5, CnosPrecision.NS);
		tagging.row("m").tag("region", "west").field(" x", 1L).field("host", "own").field("v", 2L).atNow();
		tagging.row("m").field("v", 3L).atNow();
		assertThat(this.buffer).hasToString("m,station=s,dc=z1,host=h\\ 1,region=east v=1.0 5\n"
				+ "m,region=west,dc=z1 host=\"own\",\\ x=1i,v=2i\n" + "m,dc=z1,host=h\\ 1,region=east v=3i\n");
		LineProtocolBuffer points = new LineProtocolBuffer();
		encoder.encode(Point.measurement("m").tag("station", "s").field("v", 1.0).time(5, CnosPrecision.NS), points);
		encoder.encode(Point.measurement("m").tag("region", "west").field(" x", 1L).field("host", "own").field("v", 2L),
				points);
		encoder.encode(Point.measurement("m").field("v", 3L), points);
		assertThat(this.buffer).hasToString(points.toString());
	}

	@Test
	void refusesWhatTheEncoderRefusesWithItsRuleNamingTheRow() {
		assertRefused(() -> this.writer.row("cpu/1"), "Row 'cpu/1' cannot be written as line protocol: measurement "
				+ "must not contain '/': CnosDB does not keep tables named so (2.4.2 accepts the write and stores nothing)");
		assertRefused(() -> this.writer.row(""),
				"Row '' cannot be written as line protocol: measurement must not be empty");
		assertRefused(() -> this.writer.row("#m"), "Row '#m' cannot be written as line protocol: measurement must "
				+ "not start with '#', which makes the line a comment");
		assertRefused(() -> this.writer.row("m").tag("", "v"),
				"Row 'm' cannot be written as line protocol: tag key must not be empty");
		assertRefused(() -> this.writer.row("m").tag("t", "a\\b"), "Row 'm' cannot be written as line protocol: tag "
				+ "value 'a\\b' has a backslash followed by 'b', which CnosDB cannot store as written in a tag value");
		assertRefused(() -> this.writer.row("m").field("a\nb", 1L), "Row 'm' cannot be written as line protocol: "
				+ "field key 'a\nb' must not contain a newline or carriage return");
		assertRefused(() -> this.writer.row("m").field("s", "x\uD800"), "Row 'm' cannot be written as line "
				+ "protocol: string field 's' has an unpaired surrogate at index 1, which is not valid UTF-8");
		assertRefused(() -> this.writer.row("m").tag("t", "v").atNow(),
				"Row 'm' cannot be written as line protocol: at least one field is required");
		assertRefused(() -> this.writer.row("m").field(" a", 1L).field("=b", 2L).at(1, CnosPrecision.NS),
				"Row 'm' cannot be written as line protocol: every field key starts with ',', ' ' or '=', which "
						+ "the first field key cannot, because CnosDB does not unescape the first character of the "
						+ "field set");
		assertThat(this.buffer.size()).isZero();
	}

	@Test
	void refusesWhatThePointBuilderRefusesNamingTheRow() {
		assertRefused(() -> this.writer.row(null), "Row measurement must not be null");
		assertRefused(() -> this.writer.row("m").tag(null, "v"), "Row 'm': tag key must not be null");
		assertRefused(() -> this.writer.row("m").tag("t", null), "Row 'm': value of 't' must not be null");
		assertRefused(() -> this.writer.row("m").field(null, 1L), "Row 'm': field key must not be null");
		assertRefused(() -> this.writer.row("m").field("s", (String) null), "Row 'm': value of 's' must not be null");
		assertRefused(() -> this.writer.row("m").tag("k", "v").field("k", 1L),
				"Row 'm': duplicate key 'k', already used for a tag");
		assertRefused(() -> this.writer.row("m").field("k", 1L).field("k", 2.0),
				"Row 'm': duplicate key 'k', already used for a field");
		assertRefused(() -> this.writer.row("m").unsignedField("u", BigInteger.ONE.shiftLeft(64)),
				"Row 'm': unsigned field 'u' must be between 0 and 18446744073709551615 but was 18446744073709551616");
		assertRefused(() -> this.writer.row("m").field("f", 1L).at(1, null), "Row 'm': precision must not be null");
		assertRefused(() -> this.writer.row("m").field("f", 1L).at(null), "Row 'm': time must not be null");
		assertThat(this.buffer.size()).isZero();
	}

	@Test
	void findsADuplicateAmongTheKeysOfAWideRow() {
		LineProtocolRowWriter.Row row = this.writer.row("m");
		for (int i = 0; i < 40; i++) {
			row.tag("t" + i, "v");
		}
		for (int i = 0; i < 60; i++) {
			row.field("f" + i, i);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> row.field("t17", 1L))
			.withMessage("Row 'm': duplicate key 't17', already used for a tag");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.writer.row("m").field("a", 1L).field("b", 1L).field("a", 1L))
			.withMessage("Row 'm': duplicate key 'a', already used for a field");
		assertThat(this.buffer.size()).isZero();
	}

	@Test
	void refusesATagAfterAField() {
		assertThatIllegalStateException().isThrownBy(() -> this.writer.row("m").field("f", 1L).tag("t", "v"))
			.withMessage("Row 'm': tag 't' comes after a field; a row's tags come before its fields");
		assertThat(this.buffer.size()).isZero();
		assertThat(this.events).containsExactly("dropped");
	}

	@Test
	void leavesNothingOfARowRefusedMidwayAndWritesTheNextOne() {
		this.writer.row("air").tag("station", "a").field("v", 1L).at(1, CnosPrecision.NS);
		String before = this.buffer.toString();
		LineProtocolRowWriter.Row refused = this.writer.row("air").tag("station", "x".repeat(5000)).field("v", 2L);
		assertThatIllegalArgumentException().isThrownBy(() -> refused.field("bad\\", 3L));
		assertThat(this.buffer).hasToString(before);
		assertThat(this.writer.isWritingRow()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> refused.field("v2", 1L))
			.withMessageStartingWith("No row is being written: start one with row(measurement)");
		this.writer.row("air").tag("station", "b").field("v", 4L).at(4, CnosPrecision.NS);
		assertThat(this.buffer).hasToString(before + "air,station=b v=4i 4\n");
		assertThat(this.events).containsExactly("written from 0 to 21", "dropped", "written from 21 to 42");
	}

	@Test
	void dropsAnUnfinishedRowWhenAnotherIsStarted() {
		this.writer.row("a").field("f", 1L);
		assertThatIllegalStateException().isThrownBy(() -> this.writer.row("b"))
			.withMessage("Row 'a' was not finished: it is dropped; end each row with at(...) or atNow() before "
					+ "starting another");
		assertThat(this.writer.isWritingRow()).isFalse();
		this.writer.row("b").field("f", 2L).atNow();
		assertThat(this.buffer).hasToString("b f=2i\n");
		assertThat(this.events).containsExactly("dropped", "written from 0 to 7");
	}

	@Test
	void whatTheListenerThrowsReachesTheCallerAsItIsAndTheRowHasEnded() {
		IllegalStateException full = new IllegalStateException("queue full");
		LineProtocolRowWriter refusing = new LineProtocolRowWriter(new LineProtocolEncoder(), this.buffer,
				(written, start) -> {
					throw full;
				});
		assertThatIllegalStateException().isThrownBy(() -> refusing.row("m").field("f", 1L).atNow()).isSameAs(full);
		assertThat(refusing.isWritingRow()).isFalse();
		assertThat(this.buffer).hasToString("m f=1i\n");
	}

	@Test
	void aRowThatEndedTakesNoMoreCalls() {
		LineProtocolRowWriter.Row row = this.writer.row("m").field("f", 1L);
		row.atNow();
		assertThatIllegalStateException().isThrownBy(() -> row.field("g", 2L));
		assertThatIllegalStateException().isThrownBy(row::atNow);
		this.writer.dropRow();
		assertThat(this.buffer).hasToString("m f=1i\n");
		assertThat(this.events).containsExactly("written from 0 to 7");
	}

	@Test
	void writingRowsAllocatesNothingOnceTheNamesAreKnown() {
		assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
		LineProtocolEncoder encoder = new LineProtocolEncoder(CnosPrecision.US,
				DefaultTags.of(Map.of("host", "h1", "region", "east")));
		LineProtocolRowWriter rows = new LineProtocolRowWriter(encoder, this.buffer);
		String[] stations = { "XiaoMaiDao", "LianYunGang", "东京 1" };
		writeRows(rows, stations, 10_000);
		long threadId = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(threadId);
		writeRows(rows, stations, 10_000);
		long allocated = threads.getThreadAllocatedBytes(threadId) - before;
		// One object per row would be 160,000 bytes or more.
		assertThat(allocated).isLessThan(10_000);
		assertThat(this.buffer.toString()).endsWith("air,station=XiaoMaiDao,host=h1 count=9999i,region=\"r\","
				+ "temperature=4.999,ok=false 1666165200300400\n");
	}

	private void writeRows(LineProtocolRowWriter rows, String[] stations, int count) {
		for (int i = 0; i < count; i++) {
			if (i % 100 == 0) {
				this.buffer.reset();
			}
			rows.row("air")
				.tag("station", stations[i % stations.length])
				.field("count", (long) i)
				.field("region", "r")
				.field("temperature", (i - 5000) / 1000.0 + 0.001 * (i % 3))
				.field("ok", i % 2 == 0)
				.at(1666165200290401000L + i * 1000L, CnosPrecision.NS);
		}
	}

	private void assertRefused(Runnable call, String message) {
		int size = this.buffer.size();
		int dropped = (int) this.events.stream().filter("dropped"::equals).count();
		assertThatIllegalArgumentException().isThrownBy(call::run).withMessage(message);
		assertThat(this.buffer.size()).isEqualTo(size);
		assertThat(this.writer.isWritingRow()).isFalse();
		assertThat(this.events.stream().filter("dropped"::equals)).hasSize(dropped + 1);
	}

}

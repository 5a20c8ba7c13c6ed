package io.cnosdb.spring.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.EncodeBuffers;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolRowWriter;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The template's row writer on the wire: the rows between two flushes in one request,
 * exactly as the template writes the same points, in its precision and with its default
 * tags; a refused row leaves no trace in the request.
 */
class CnosRowWriterWireTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	@Test
	void sendsTheRowsInOneRequestOnClose() {
		this.db.enqueue(recorded("write"));
		try (CnosRowWriter rows = this.template.rows()) {
			rows.row("air")
				.tag("station", "XiaoMaiDao")
				.field("visibility", 56.0)
				.field("count", 3L)
				.at(1666165200290401000L, CnosPrecision.NS);
			rows.row("air").tag("station", "LianYunGang").field("visibility", 57.5).at(Instant.ofEpochSecond(2));
			rows.row("wind").field("speed", 1.5).atNow();
			assertThat(rows.getRowCount()).isEqualTo(3);
			assertThat(this.db.requestCount()).isZero();
		}
		RecordedRequest request = this.db.takeRequest();
		assertThat(request.getBody().utf8())
			.isEqualTo("air,station=XiaoMaiDao visibility=56.0,count=3i 1666165200290401000\n"
					+ "air,station=LianYunGang visibility=57.5 2000000000\n" + "wind speed=1.5\n");
		assertThat(request.getUrl().queryParameter("precision")).isEqualTo("ns");
		assertThat(request.getUrl().queryParameter("db")).isEqualTo("public");
	}

	@Test
	void sendsTheSameBytesAsTheTemplateWritesForThePoints() {
		this.db.enqueue(recorded("write"), recorded("write"));
		Point point = Point.measurement("m,1")
			.tag("k=", "a b")
			.field(" lead", 1L)
			.field("s", "say \"hi\"\n")
			.field("ok", true)
			.unsignedField("u", -1L)
			.time(Instant.ofEpochSecond(1, 5));
		this.template.write(point);
		try (CnosRowWriter rows = this.template.rows()) {
			rows.row("m,1")
				.tag("k=", "a b")
				.field(" lead", 1L)
				.field("s", "say \"hi\"\n")
				.field("ok", true)
				.unsignedField("u", -1L)
				.at(Instant.ofEpochSecond(1, 5));
		}
		assertThat(this.db.takeBody()).isEqualTo(this.db.takeBody())
			.isEqualTo(
					"m\\,1,k\\==a\\ b s=\"say \\\"hi\\\"\n\",\\ lead=1i,ok=true,u=18446744073709551615u 1000000005\n");
	}

	@Test
	void sendsOneRequestPerFlushAndNothingWhenNoRowWasWritten() {
		this.db.enqueue(recorded("write"), recorded("write"));
		try (CnosRowWriter rows = this.template.rows()) {
			rows.flush();
			rows.row("m").field("v", 1L).at(1, CnosPrecision.NS);
			rows.flush();
			assertThat(rows.getRowCount()).isZero();
			rows.flush();
			rows.row("m").field("v", 2L).at(2, CnosPrecision.NS);
		}
		assertThat(this.db.takeBody()).isEqualTo("m v=1i 1\n");
		assertThat(this.db.takeBody()).isEqualTo("m v=2i 2\n");
		assertThat(this.db.requestCount()).isEqualTo(2);
	}

	@Test
	void writesInTheTemplatesOrTheGivenPrecision() {
		CnosTemplate millis = this.db.builder().writePrecision(CnosPrecision.MS).build();
		this.db.enqueue(recorded("write"), recorded("write"));
		try (CnosRowWriter rows = millis.rows()) {
			assertThat(rows.getPrecision()).isEqualTo(CnosPrecision.MS);
			rows.row("m").field("v", 1L).at(Instant.ofEpochMilli(1500));
		}
		try (CnosRowWriter rows = this.template.rows(CnosPrecision.US)) {
			rows.row("m").field("v", 2L).at(7_000, CnosPrecision.NS);
		}
		RecordedRequest first = this.db.takeRequest();
		assertThat(first.getBody().utf8()).isEqualTo("m v=1i 1500\n");
		assertThat(first.getUrl().queryParameter("precision")).isEqualTo("ms");
		RecordedRequest second = this.db.takeRequest();
		assertThat(second.getBody().utf8()).isEqualTo("m v=2i 7\n");
		assertThat(second.getUrl().queryParameter("precision")).isEqualTo("us");
	}

	@Test
	void addsTheTemplatesDefaultTagsAsToItsPoints() {
		CnosTemplate tagging = this.db.builder().defaultTags(Map.of("region", "east", "host", "node 1")).build();
		this.db.enqueue(recorded("write"));
		try (CnosRowWriter rows = tagging.withDatabase("ocean").rows()) {
			rows.row("air").tag("station", "XiaoMaiDao").field("temperature", 69.0).at(1, CnosPrecision.NS);
			rows.row("air").tag("host", "own").field("region", "a field").at(2, CnosPrecision.NS);
		}
		RecordedRequest request = this.db.takeRequest();
		assertThat(request.getBody().utf8())
			.isEqualTo("air,station=XiaoMaiDao,host=node\\ 1,region=east temperature=69.0 1\n"
					+ "air,host=own region=\"a field\" 2\n");
		assertThat(request.getUrl().queryParameter("db")).isEqualTo("ocean");
	}

	@Test
	void aRefusedRowLeavesNoTraceAndTheOthersAreSent() {
		this.db.enqueue(recorded("write"));
		try (CnosRowWriter rows = this.template.rows()) {
			rows.row("air").field("v", 1L).at(1, CnosPrecision.NS);
			LineProtocolRowWriter.Row refused = rows.row("air").tag("station", "x").field("v", 2L);
			assertThatIllegalArgumentException().isThrownBy(() -> refused.field("s", "\uD800"))
				.withMessage("Row 'air' cannot be written as line protocol: string field 's' has an unpaired "
						+ "surrogate at index 0, which is not valid UTF-8");
			assertThatIllegalArgumentException().isThrownBy(() -> rows.row("a/b"))
				.withMessageStartingWith(
						"Row 'a/b' cannot be written as line protocol: measurement must not contain '/'");
			rows.row("air").field("v", 3L).at(3, CnosPrecision.NS);
			assertThat(rows.getRowCount()).isEqualTo(2);
		}
		assertThat(this.db.takeBody()).isEqualTo("air v=1i 1\nair v=3i 3\n");
	}

	@Test
	void closingDropsAnUnfinishedRowAndSendsTheOthers() {
		this.db.enqueue(recorded("write"));
		CnosRowWriter rows = this.template.rows();
		rows.row("air").field("v", 1L).at(1, CnosPrecision.NS);
		LineProtocolRowWriter.Row unfinished = rows.row("air").field("v", 2L);
		assertThatIllegalStateException().isThrownBy(rows::flush)
			.withMessage("A row is not ended: end it with at(...) or atNow() before flush()");
		rows.close();
		rows.close();
		assertThat(this.db.takeBody()).isEqualTo("air v=1i 1\n");
		assertThatIllegalStateException().isThrownBy(() -> rows.row("air")).withMessage("The row writer is closed");
		assertThatIllegalStateException().isThrownBy(() -> unfinished.at(2, CnosPrecision.NS));
		assertThat(this.db.requestCount()).isOne();
	}

	@Test
	void aRefusedRequestDropsItsRowsAndTheNextFlushSendsOnlyNewOnes() {
		this.db.enqueue(recorded("line-protocol-error"), recorded("write"));
		try (CnosRowWriter rows = this.template.rows()) {
			rows.row("air").field("v", 1L).at(1, CnosPrecision.NS);
			rows.row("air").field("v", 2L).at(2, CnosPrecision.NS);
			assertThatExceptionOfType(CnosInvalidLineProtocolException.class).isThrownBy(rows::flush)
				.withMessageContaining("writing 2 row(s) to database 'public' of tenant 'cnosdb'");
			assertThat(rows.getRowCount()).isZero();
			rows.row("air").field("v", 3L).at(3, CnosPrecision.NS);
		}
		assertThat(this.db.takeBody()).isEqualTo("air v=1i 1\nair v=2i 2\n");
		assertThat(this.db.takeBody()).isEqualTo("air v=3i 3\n");
	}

	@Test
	void handsItsBufferBackForTheTemplatesNextWrite() {
		this.db.enqueue(recorded("write"), recorded("write"));
		try (CnosRowWriter rows = this.template.rows()) {
			rows.row("air").tag("station", "x".repeat(300)).field("v", 1L).at(1, CnosPrecision.NS);
		}
		// The buffer the rows grew is the one the template keeps; a new one would be
		// empty.
		EncodeBuffers buffers = this.template.getHttpClient().encodeBuffers();
		LineProtocolBuffer kept = buffers.take(0);
		assertThat(kept.array().length).isGreaterThan(300);
		buffers.giveBack(kept);
		this.template.write(List.of(Point.measurement("air").field("v", 2L).time(2, CnosPrecision.NS)));
		assertThat(this.db.takeBody()).startsWith("air,station=xxx").endsWith(" v=1i 1\n");
		RecordedRequest request = this.db.takeRequest();
		assertThat(request.getBody().utf8()).isEqualTo("air v=2i 2\n");
		assertThat(request.getHeaders().get("Content-Length")).isEqualTo("11");
	}

}

package io.cnosdb.spring.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPInputStream;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;
import io.cnosdb.spring.core.write.annotation.Tag;
import io.cnosdb.spring.core.write.annotation.Timestamp;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.CnosWriteCompression;
import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The write path of {@link CnosTemplate} on the wire: exact bodies, parameters, headers,
 * a {@code Content-Length} rather than chunks, and gzip bodies.
 */
class CnosTemplateWriteTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = template(CnosWriteCompression.NONE, 1);

	private CnosTemplate template(CnosWriteCompression compression, int level) {
		return this.db.builder()
			.credentials("bob", "s3cret")
			.database("ocean")
			.tenant("acme")
			.readTimeout(Duration.ofSeconds(5))
			.writeCompression(compression, level)
			.build();
	}

	private void ok() {
		this.db.enqueue(recorded("write"));
	}

	private RecordedRequest take() {
		return this.db.takeRequest();
	}

	@Test
	void writesPointsAsExactLineProtocolWithParametersAndHeaders() throws Exception {
		ok();
		this.template.write(
				Point.measurement("air")
					.tag("station", "XiaoMaiDao")
					.field("visibility", 56.0)
					.field("n", 3L)
					.time(1666165200290401000L, CnosPrecision.NS),
				Point.measurement("air")
					.tag("station", "a b")
					.field("ok", true)
					.unsignedField("u", -1L)
					.field("s", "q\"x")
					.time(Instant.ofEpochSecond(1)));
		RecordedRequest request = take();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/write");
		assertThat(request.getUrl().queryParameter("db")).isEqualTo("ocean");
		assertThat(request.getUrl().queryParameter("tenant")).isEqualTo("acme");
		assertThat(request.getUrl().queryParameter("precision")).isEqualTo("ns");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic Ym9iOnMzY3JldA==");
		assertThat(request.getHeaders().get("Content-Encoding")).isNull();
		String body = "air,station=XiaoMaiDao visibility=56.0,n=3i 1666165200290401000\n"
				+ "air,station=a\\ b ok=true,u=18446744073709551615u,s=\"q\\\"x\" 1000000000\n";
		assertThat(request.getBody().utf8()).isEqualTo(body);
		assertThat(request.getHeaders().get("Content-Length"))
			.isEqualTo(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
		assertThat(request.getChunkSizes()).isNullOrEmpty();
	}

	@Test
	void sendsTheRequestedPrecision() throws Exception {
		ok();
		this.template.write(CnosPrecision.MS,
				List.of(Point.measurement("air").field("v", 1.5).time(Instant.ofEpochMilli(1234))));
		RecordedRequest request = take();
		assertThat(request.getUrl().queryParameter("precision")).isEqualTo("ms");
		assertThat(request.getBody().utf8()).isEqualTo("air v=1.5 1234\n");
	}

	@Test
	void pointsObjectsAndLinesAllFollowTheTemplatesWritePrecision() throws Exception {
		CnosTemplate millis = this.db.builder().writePrecision(CnosPrecision.MS).build();
		ok();
		ok();
		ok();
		millis.write(Point.measurement("air").field("v", 1.5).time(Instant.ofEpochMilli(1234)));
		millis.writeObjects(new Air("a", 1.0, null, Instant.ofEpochMilli(5)));
		millis.writeLines(List.of("air v=2.5 7"));
		for (String body : List.of("air v=1.5 1234\n", "air,station=a visibility=1.0 5\n", "air v=2.5 7\n")) {
			RecordedRequest request = take();
			assertThat(request.getUrl().queryParameter("precision")).isEqualTo("ms");
			assertThat(request.getBody().utf8()).isEqualTo(body);
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> millis.write(Point.measurement("air").field("v", 1.0).time(Instant.ofEpochSecond(0, 1))))
			.withMessageContaining("ms");
	}

	@Test
	void refusesAPointThatCannotBeWrittenBeforeSending() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.write(CnosPrecision.MS,
					List.of(Point.measurement("air").field("v", 1.0).time(Instant.ofEpochSecond(0, 1)))))
			.withMessageContaining("ms");
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void writesNothingForNoPoints() {
		this.template.write(List.<Point>of());
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void gzipBodiesDecompressToTheSameLinesWithALength() throws Exception {
		CnosTemplate gzip = template(CnosWriteCompression.GZIP, 6);
		ok();
		StringBuilder expected = new StringBuilder();
		List<Point> points = new java.util.ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			points.add(Point.measurement("air")
				.tag("station", "s" + (i % 7))
				.field("v", i * 0.5)
				.time(i, CnosPrecision.NS));
			expected.append("air,station=s")
				.append(i % 7)
				.append(" v=")
				.append(i * 0.5)
				.append(' ')
				.append(i)
				.append('\n');
		}
		gzip.write(points);
		RecordedRequest request = take();
		assertThat(request.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
		byte[] compressed = request.getBody().toByteArray();
		assertThat(request.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(compressed.length));
		assertThat(request.getChunkSizes()).isNullOrEmpty();
		assertThat(compressed.length).isLessThan(expected.length() / 2);
		assertThat(gunzip(compressed)).isEqualTo(expected.toString());
	}

	@Test
	void gzipAlsoAppliesToRawLines() throws Exception {
		ok();
		template(CnosWriteCompression.GZIP, 1).writeLines(List.of("air v=1 1"));
		RecordedRequest request = take();
		assertThat(request.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
		assertThat(gunzip(request.getBody().toByteArray())).isEqualTo("air v=1 1\n");
	}

	@Test
	void refusesACompressionLevelOutOfRange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CnosTemplate.builder().writeCompression(CnosWriteCompression.GZIP, 10));
	}

	@Test
	void translatesALineProtocolError() {
		this.db.enqueue(recorded("line-protocol-error"));
		assertThatExceptionOfType(CnosInvalidLineProtocolException.class)
			.isThrownBy(() -> this.template.write(Point.measurement("air").field("v", 1L)))
			.withMessageContaining("1 point(s)")
			.withMessageContaining("040004");
	}

	@Test
	void writesAnnotatedRecordsAndClasses() throws Exception {
		ok();
		this.template.writeObjects(new Air("XiaoMaiDao", 56.0, 3L, Instant.ofEpochSecond(2)),
				Point.measurement("sea").field("t", 1L).time(5, CnosPrecision.NS), new Wind("north", 7));
		assertThat(take().getBody().utf8()).isEqualTo("air,station=XiaoMaiDao visibility=56.0,count=3i 2000000000\n"
				+ "sea t=1i 5\n" + "wind,direction=north speed=7i 1000000\n");
	}

	@Test
	void writeObjectsTakesACollection() throws Exception {
		ok();
		this.template.writeObjects(List.of(new Air("a", 1.0, null, Instant.ofEpochSecond(0))));
		assertThat(take().getBody().utf8()).isEqualTo("air,station=a visibility=1.0 0\n");
	}

	@Test
	void noVarargsOverloadOfWriteCanTakeACollectionOfObjects() {
		// write(List<Reading>) must not compile: only Point varargs and a
		// Collection<Point>.
		assertThat(CnosWriteOperations.class.getMethods()).filteredOn((method) -> method.getName().equals("write"))
			.allSatisfy((method) -> assertThat(method.getParameterTypes())
				.allMatch((type) -> type == Point[].class || type == Collection.class || type == CnosPrecision.class));
	}

	@Test
	void refusesACollectionPassedAsOneObject() {
		Object list = List.of(new Air("a", 1.0, 1L, null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.writeObjects(list))
			.withMessageContaining("writeObjects");
	}

	private static String gunzip(byte[] bytes) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Measurement("air")
	record Air(@Tag String station, @Field double visibility, @Field Long count, @Timestamp Instant time) {
	}

	@Measurement("wind")
	static class Wind {

		@Tag("direction")
		private final String dir;

		@Field
		private final int speed;

		@Timestamp(precision = CnosPrecision.MS)
		private final long at = 1;

		Wind(String dir, int speed) {
			this.dir = dir;
			this.speed = speed;
		}

	}

}

package io.cnosdb.spring.core;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.testsupport.MockCnosDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Line-protocol writes, answered as CnosDB answered them.
 */
class CnosTemplateWriteWireTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	@Test
	void linesAreJoinedWithTrailingNewline() {
		this.db.enqueue(recorded("write"));
		this.template.writeLines(List.of("ma,ta=a1 fa=1 1690510331000000000", "ma,ta=a1 fb=2 1690510331000000000",
				"气象,站=北京 温度=1.5,note=\"a b,c\" 1"));
		assertThat(this.db.takeBody()).isEqualTo("ma,ta=a1 fa=1 1690510331000000000\n"
				+ "ma,ta=a1 fb=2 1690510331000000000\n" + "气象,站=北京 温度=1.5,note=\"a b,c\" 1\n");
	}

	@Test
	void lineProtocolErrorGoldenExampleIsInvalidLineProtocol() {
		this.db.enqueue(recorded("line-protocol-error"));
		assertThatExceptionOfType(CnosInvalidLineProtocolException.class)
			.isThrownBy(() -> this.template.writeLines(List.of("test,t2=t22,f2=2 1642176000000000000")))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("040004");
				assertThat(ex.getStatusCode()).isEqualTo(422);
				assertThat(ex.getServerMessage()).isEqualTo("Error parsing message: invalid line protocol syntax");
				assertThat(ex.getMessage()).contains("1 line(s)", "public");
			});
		assertThat(this.db.takeBody()).isEqualTo("test,t2=t22,f2=2 1642176000000000000\n");
	}

	@Test
	void emptyCollectionSendsNothing() {
		this.template.writeLines(List.of());
		this.template.writeLines(Set.of(), CnosPrecision.MS);
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void nullLineIsRefusedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.writeLines(Arrays.asList("m f=1", null)))
			.withMessageContaining("Line 1")
			.withMessageContaining("null");
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void aLineWithAnUnpairedSurrogateIsRefusedBeforeSending() {
		// Encoded as '?', the server would store "a?" for the tag.
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.writeLines(List.of("m,t=a\uD800 v=1 1")))
			.withMessageContaining("Line 0")
			.withMessageContaining("unpaired surrogate");
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void blankLinesAreSentForTheServerToSkip() {
		this.db.enqueue(recorded("write-blank-lines"));
		this.template.writeLines(List.of("m f=1 1", "", " \t", "m f=2 2"));
		assertThat(this.db.takeBody()).isEqualTo("m f=1 1\n\n \t\nm f=2 2\n");
	}

	@Test
	void lineBreaksInQuotedStringsAndSeveralLinesInOneAreSentAsGiven() {
		// The server ends a line only at a line break outside quotes.
		Point point = Point.measurement("m").field("s", "a\nb").time(1, CnosPrecision.NS);
		this.db.enqueue(recorded("write-line-breaks-in-strings"), recorded("write"));
		this.template.writeLines(List.of(point.toLineProtocol()));
		assertThat(this.db.takeBody()).isEqualTo("m s=\"a\nb\" 1\n");
		this.template.writeLines(List.of("m f=2 2\nm f=3 3"));
		assertThat(this.db.takeBody()).isEqualTo("m f=2 2\nm f=3 3\n");
	}

	@Test
	void eachWriteSendsOnlyItsOwnPointsWhenItReusesTheEncodeBuffer() {
		Point longer = Point.measurement("air")
			.tag("station", "x".repeat(300))
			.field("v", 1L)
			.time(1, CnosPrecision.NS);
		Point shorter = Point.measurement("air").field("v", 2L).time(2, CnosPrecision.NS);
		for (int i = 0; i < 4; i++) {
			this.db.enqueue(recorded("write"));
		}
		this.template.write(List.of(longer, longer));
		this.template.write(List.of(shorter));
		this.template.withDatabase("other").write(List.of(shorter, shorter));
		this.template.write(List.of(longer));
		assertThat(this.db.takeBody()).isEqualTo(longer.toLineProtocol() + "\n" + longer.toLineProtocol() + "\n");
		var request = this.db.takeRequest();
		assertThat(request.getBody().utf8()).isEqualTo(shorter.toLineProtocol() + "\n");
		assertThat(request.getHeaders().get("Content-Length"))
			.isEqualTo(String.valueOf(shorter.toLineProtocol().length() + 1));
		assertThat(this.db.takeBody()).isEqualTo(shorter.toLineProtocol() + "\n" + shorter.toLineProtocol() + "\n");
		assertThat(this.db.takeBody()).isEqualTo(longer.toLineProtocol() + "\n");
	}

	@Test
	void aPointRefusedMidWriteLeavesNothingForTheNextWrite() {
		this.db.enqueue(recorded("write"));
		Point good = Point.measurement("air").field("v", 1L).time(1, CnosPrecision.NS);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.write(List.of(good, Point.measurement("air").field("v", "\uD800"))));
		this.template.write(List.of(good));
		assertThat(this.db.takeBody()).isEqualTo(good.toLineProtocol() + "\n");
		assertThat(this.db.requestCount()).isOne();
	}

	@Test
	void writesGoToTheScopedDatabaseAndTenant() {
		this.db.enqueue(recorded("write"));
		this.template.withDatabase("oceanic").withTenant("tenant_a").writeLines(List.of("m f=1"), CnosPrecision.MS);
		var url = this.db.takeRequest().getUrl();
		assertThat(url.queryParameter("db")).isEqualTo("oceanic");
		assertThat(url.queryParameter("tenant")).isEqualTo("tenant_a");
		assertThat(url.queryParameter("precision")).isEqualTo("ms");
	}

}

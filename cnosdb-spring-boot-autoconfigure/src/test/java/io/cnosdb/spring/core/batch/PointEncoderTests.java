package io.cnosdb.spring.core.batch;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.DefaultTags;
import io.cnosdb.spring.core.write.Point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PointEncoder}: points are encoded whole or refused, and a caller's
 * arrays are kept for the next call unless they grew large.
 */
class PointEncoderTests {

	private final PointEncoder encoder = new PointEncoder(CnosPrecision.NS, DefaultTags.NONE, 1024);

	@Test
	void encodesPointsInOrderWithWhereEachEnds() {
		Point first = point(1);
		Point second = point(2);
		PointEncoder.Encoded encoded = this.encoder.encode(List.of(first, second));
		assertThat(encoded.count()).isEqualTo(2);
		String text = new String(encoded.lines(), 0, encoded.ends()[1], StandardCharsets.UTF_8);
		assertThat(text).isEqualTo(first.toLineProtocol() + "\n" + second.toLineProtocol() + "\n");
		assertThat(encoded.ends()[0]).isEqualTo(first.toLineProtocol().length() + 1);
	}

	@Test
	void refusesAPointLargerThanTheWholeBuffer() {
		Point large = Point.measurement("air").field("v", "x".repeat(2000)).time(1, CnosPrecision.NS);
		assertThatIllegalArgumentException().isThrownBy(() -> this.encoder.encode(large))
			.withMessageContaining("more than the whole buffer (1024 bytes)");
	}

	@Test
	void aRefusedCallLeavesNothingForTheNext() {
		Point unwritable = Point.measurement("air").field("v", "\uD800");
		assertThatIllegalArgumentException().isThrownBy(() -> this.encoder.encode(List.of(point(1), unwritable)));
		PointEncoder.Encoded encoded = this.encoder.encode(point(2));
		assertThat(encoded.count()).isOne();
		assertThat(new String(encoded.lines(), 0, encoded.ends()[0], StandardCharsets.UTF_8))
			.isEqualTo(point(2).toLineProtocol() + "\n");
	}

	@Test
	void keepsOneCallersArraysForTheNextUnlessTheyGrewLarge() {
		PointEncoder.Encoded first = this.encoder.encode(point(1));
		this.encoder.release(first);
		assertThat(this.encoder.encode(point(2))).isSameAs(first);
		PointEncoder roomy = new PointEncoder(CnosPrecision.NS, DefaultTags.NONE, 1024 * 1024);
		PointEncoder.Encoded large = roomy
			.encode(Point.measurement("air").field("v", "x".repeat(100 * 1024)).time(1, CnosPrecision.NS));
		roomy.release(large);
		assertThat(roomy.encode(point(1))).isNotSameAs(large);
	}

	private static Point point(long value) {
		return Point.measurement("air").tag("station", "s1").field("v", value).time(value, CnosPrecision.NS);
	}

}

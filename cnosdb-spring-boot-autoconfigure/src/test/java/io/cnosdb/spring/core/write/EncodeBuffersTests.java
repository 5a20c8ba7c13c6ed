package io.cnosdb.spring.core.write;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EncodeBuffers}.
 */
class EncodeBuffersTests {

	private final EncodeBuffers buffers = new EncodeBuffers();

	@Test
	void aReturnedBufferIsLentAgainEmpty() {
		LineProtocolBuffer first = this.buffers.take(256);
		new LineProtocolEncoder().encode(Point.measurement("m").field("v", 1L), first);
		this.buffers.giveBack(first);
		LineProtocolBuffer second = this.buffers.take(256);
		assertThat(second).isSameAs(first);
		assertThat(second.isEmpty()).isTrue();
	}

	@Test
	void concurrentWritesGetBuffersOfTheirOwn() {
		LineProtocolBuffer first = this.buffers.take(256);
		assertThat(this.buffers.take(256)).isNotSameAs(first);
	}

	@Test
	void aBufferLargerThanTheLimitIsNotKept() {
		LineProtocolBuffer large = new LineProtocolBuffer(EncodeBuffers.MAX_KEPT + 1);
		this.buffers.giveBack(large);
		assertThat(this.buffers.take(256)).isNotSameAs(large);
	}

	@Test
	void aNewBufferIsNoLargerThanTheLimit() {
		assertThat(this.buffers.take(Integer.MAX_VALUE - 8).array()).hasSizeLessThanOrEqualTo(EncodeBuffers.MAX_KEPT);
	}

	@Test
	void everyWriteOfAPrecisionSharesOneEncoderSoItsNameCacheLasts() {
		LineProtocolEncoder nanos = this.buffers.encoder(CnosPrecision.NS);
		assertThat(this.buffers.encoder(CnosPrecision.NS)).isSameAs(nanos);
		assertThat(this.buffers.encoder(CnosPrecision.MS)).isNotSameAs(nanos);
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		this.buffers.encoder(CnosPrecision.MS)
			.encode(Point.measurement("m").field("v", 1L).time(2_000_000L, CnosPrecision.NS), buffer);
		assertThat(buffer.toString()).isEqualTo("m v=1i 2\n");
	}

}

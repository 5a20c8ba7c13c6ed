package io.cnosdb.spring.core.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LineProtocolBufferTest {

	@Test
	void growsFromZeroCapacityAndKeepsTheContent() {
		LineProtocolBuffer buffer = new LineProtocolBuffer(0);
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			buffer.putAscii("abc");
			expected.append("abc");
		}
		assertThat(buffer.size()).isEqualTo(3000);
		assertThat(buffer.array().length).isGreaterThanOrEqualTo(3000);
		assertThat(buffer).hasToString(expected.toString());
	}

	@Test
	void resetKeepsTheArrayForReuse() {
		LineProtocolBuffer buffer = new LineProtocolBuffer(4);
		buffer.putAscii("hello world");
		byte[] array = buffer.array();
		buffer.reset();
		assertThat(buffer.isEmpty()).isTrue();
		assertThat(buffer.toByteArray()).isEmpty();
		buffer.putAscii("hi");
		assertThat(buffer.array()).isSameAs(array);
		assertThat(buffer).hasToString("hi");
	}

	@Test
	void writesOnlyTheValidBytes() throws IOException {
		LineProtocolBuffer buffer = new LineProtocolBuffer(64);
		buffer.putAscii("m f=1i\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		buffer.writeTo(out);
		assertThat(out.toByteArray()).isEqualTo("m f=1i\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(buffer.toByteArray()).hasSize(7);
	}

	@Test
	void writesSignedLongsLikeLongToString() {
		long[] values = { 0, 1, -1, 9, 10, -10, 99, 100, 123456789, 999_999_999_999_999_999L,
				1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1 };
		for (long value : values) {
			LineProtocolBuffer buffer = new LineProtocolBuffer(0);
			buffer.putLong(value);
			assertThat(buffer).hasToString(Long.toString(value));
		}
	}

	@Test
	void writesUnsignedLongsLikeLongToUnsignedString() {
		long[] values = { 0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1, -10, -11, 0x8000_0000_0000_0009L };
		for (long value : values) {
			LineProtocolBuffer buffer = new LineProtocolBuffer(0);
			buffer.putUnsignedLong(value);
			assertThat(buffer).hasToString(Long.toUnsignedString(value));
		}
	}

	@Test
	void truncatesOnlyBackwards() {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		buffer.putAscii("abc");
		buffer.truncate(1);
		assertThat(buffer).hasToString("a");
		assertThatIllegalArgumentException().isThrownBy(() -> buffer.truncate(2));
	}

	@Test
	void refusesNegativeCapacity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LineProtocolBuffer(-1));
	}

}

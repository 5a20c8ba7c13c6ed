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

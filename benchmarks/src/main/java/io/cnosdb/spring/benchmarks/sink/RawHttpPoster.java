package io.cnosdb.spring.benchmarks.sink;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The least an HTTP/1.1 client can do: POSTs byte ranges over one kept-alive
 * {@link SocketChannel} with {@code TCP_NODELAY}, a {@code Content-Length} and nothing
 * else, and reads the answer's head. The ceiling every client is compared to.
 */
public final class RawHttpPoster implements AutoCloseable {

	private final SocketChannel channel;

	private final byte[] headPrefix;

	private final ByteBuffer head = ByteBuffer.allocate(512);

	private final ByteBuffer answer = ByteBuffer.allocate(4096);

	private final ByteBuffer[] request = new ByteBuffer[2];

	/**
	 * Connects to the sink.
	 * @param port the loopback port
	 * @param path the request target, such as {@code /api/v1/write?db=public}
	 */
	public RawHttpPoster(int port, String path) throws IOException {
		this.channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
		this.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
		// No send buffer size: no other contender sets one, and the ceiling must not
		// win by a socket option the clients it is compared with do not get.
		this.headPrefix = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** Sends {@code bytes[offset .. offset + length)} and waits for a 2xx answer. */
	public void post(byte[] bytes, int offset, int length) throws IOException {
		this.head.clear();
		this.head.put(this.headPrefix).put(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
		this.head.put((byte) '\r').put((byte) '\n').put((byte) '\r').put((byte) '\n').flip();
		this.request[0] = this.head;
		this.request[1] = ByteBuffer.wrap(bytes, offset, length);
		while (this.request[1].hasRemaining()) {
			this.channel.write(this.request);
		}
		readAnswer();
	}

	/** Reads an answer without a body (the sink's 204) and checks its status. */
	private void readAnswer() throws IOException {
		this.answer.clear();
		while (true) {
			if (this.channel.read(this.answer) < 0) {
				throw new IOException("The sink closed the connection");
			}
			int end = this.answer.position();
			if (end >= 4 && this.answer.get(end - 4) == '\r' && this.answer.get(end - 3) == '\n'
					&& this.answer.get(end - 2) == '\r' && this.answer.get(end - 1) == '\n') {
				break;
			}
		}
		String status = new String(this.answer.array(), 0, 12, StandardCharsets.US_ASCII);
		if (!status.startsWith("HTTP/1.1 2")) {
			throw new IOException("The sink answered " + status);
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}

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
 * else (but the credentials a real server needs), and reads the answer's head and the
 * body its {@code Content-Length} announces. The ceiling every client is compared to:
 * like them it has the body copied once on its way to the socket, slice by slice.
 */
public final class RawHttpPoster implements AutoCloseable {

	private final SocketChannel channel;

	private final byte[] headPrefix;

	private final ByteBuffer head = ByteBuffer.allocate(512);

	private final ByteBuffer answer = ByteBuffer.allocate(4096);

	private final ByteBuffer[] request = new ByteBuffer[2];

	/**
	 * The most bytes of the body handed to the channel at once. Given all of a heap array
	 * at once, every partial write copies the whole rest of the body into a temporary
	 * native buffer again (the JDK's {@code IOUtil.write}): quadratic in the body's size,
	 * which kept this ceiling below the HTTP clients at 1 MiB and more. In slices, each
	 * byte is copied once, and the receiver reads one slice while the next is copied, as
	 * with the clients' own output buffers.
	 */
	private static final int SLICE = 64 * 1024;

	/**
	 * Connects to the sink.
	 * @param port the loopback port
	 * @param path the request target, such as {@code /api/v1/write?db=public}
	 */
	public RawHttpPoster(int port, String path) throws IOException {
		this(port, path, "");
	}

	/**
	 * Connects to a server that wants credentials.
	 * @param port the loopback port
	 * @param path the request target, such as {@code /api/v1/write?db=public}
	 * @param extraHeaders header lines sent with every request, each ending in
	 * {@code \r\n}, such as an {@code Authorization} header; empty for none
	 */
	public RawHttpPoster(int port, String path, String extraHeaders) throws IOException {
		this.channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
		this.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
		// No send buffer size: no other contender sets one, and the ceiling must not
		// win by a socket option the clients it is compared with do not get.
		this.headPrefix = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + extraHeaders
				+ "Content-Type: text/plain; charset=utf-8\r\nContent-Length: ")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** Sends {@code bytes[offset .. offset + length)} and waits for a 2xx answer. */
	public void post(byte[] bytes, int offset, int length) throws IOException {
		this.head.clear();
		this.head.put(this.headPrefix).put(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
		this.head.put((byte) '\r').put((byte) '\n').put((byte) '\r').put((byte) '\n').flip();
		// The head and the first slice in one gathering write, then the body slice by
		// slice.
		int end = offset + length;
		ByteBuffer body = ByteBuffer.wrap(bytes, offset, length);
		body.limit(offset + Math.min(length, SLICE));
		this.request[0] = this.head;
		this.request[1] = body;
		while (this.head.hasRemaining() || body.hasRemaining()) {
			this.channel.write(this.request);
		}
		while (body.limit() < end) {
			body.limit(body.limit() + Math.min(SLICE, end - body.limit()));
			while (body.hasRemaining()) {
				this.channel.write(body);
			}
		}
		readAnswer();
	}

	/**
	 * Reads an answer's head (the sink's 204, a server's 200) and the short body its
	 * {@code Content-Length} announces, and checks its status.
	 */
	private void readAnswer() throws IOException {
		this.answer.clear();
		int headEnd = -1;
		while (headEnd < 0) {
			if (this.channel.read(this.answer) < 0) {
				throw new IOException("The server closed the connection");
			}
			headEnd = indexOfBlankLine(this.answer.position());
		}
		String head = new String(this.answer.array(), 0, headEnd, StandardCharsets.US_ASCII);
		int bodyLength = contentLength(head);
		while (this.answer.position() < headEnd + bodyLength) {
			if (this.channel.read(this.answer) < 0) {
				throw new IOException("The server closed the connection");
			}
		}
		if (!head.startsWith("HTTP/1.1 2")) {
			throw new IOException("The server answered " + head.lines().findFirst().orElse(head) + ": "
					+ new String(this.answer.array(), headEnd, bodyLength, StandardCharsets.UTF_8));
		}
	}

	/** The index just after the head's closing blank line, or -1 if not yet read. */
	private int indexOfBlankLine(int end) {
		byte[] bytes = this.answer.array();
		for (int i = 3; i < end; i++) {
			if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n') {
				return i + 1;
			}
		}
		return -1;
	}

	private int contentLength(String head) throws IOException {
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
				int length = Integer.parseInt(line.substring(colon + 1).trim());
				if (length > this.answer.capacity() - 512) {
					throw new IOException("An answer body of " + length + " bytes is more than this poster reads");
				}
				return length;
			}
		}
		return 0;
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}

package io.cnosdb.spring.benchmarks.sink;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 server that takes write requests and throws their bodies away, the
 * far end of the write benchmarks. It runs in a JVM of its own (see {@link SinkProcess}),
 * so its work does not count as the client's.
 * <p>
 * Connections are kept alive and served by one thread each. Bodies, with a
 * {@code Content-Length} or chunked, are read into one reused 1 MiB direct buffer; in
 * {@link Mode#COUNT} mode their {@code \n} are counted (a body that does not end with one
 * counts one more line, as InfluxDB clients send them). Every POST is answered
 * {@code 204 No Content}, whatever its path, except {@code POST /reset}, which zeroes the
 * counters; {@code GET /stats} answers {@code lines bytes requests connections}, the last
 * counting connections opened since the reset (a client that keeps its connections alive
 * opens few or none).
 */
public final class HttpSink {

	/** What the sink does with a body. */
	public enum Mode {

		/** Counts bytes and lines. */
		COUNT,

		/** Counts bytes only, so that reading is all the sink does. */
		DISCARD

	}

	private static final int BUFFER_SIZE = 1024 * 1024;

	private static final byte[] NO_CONTENT = ascii("HTTP/1.1 204 No Content\r\n\r\n");

	private static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");

	private static final byte[] NOT_FOUND = ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");

	private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

	private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;

	private final Mode mode;

	private final AtomicLong lines = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong connections = new AtomicLong();

	private HttpSink(Mode mode) {
		this.mode = mode;
	}

	/**
	 * Starts a sink on a free loopback port, prints {@code listening <port>} and serves
	 * until killed.
	 * @param args the mode, {@code COUNT} or {@code DISCARD}
	 */
	public static void main(String[] args) throws IOException {
		HttpSink sink = new HttpSink(Mode.valueOf(args[0].toUpperCase(Locale.ROOT)));
		ServerSocketChannel server = ServerSocketChannel.open();
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		System.out.println("listening " + ((InetSocketAddress) server.getLocalAddress()).getPort());
		System.out.flush();
		while (true) {
			SocketChannel connection = server.accept();
			Thread thread = new Thread(() -> sink.serve(connection), "sink-connection");
			thread.setDaemon(true);
			thread.start();
		}
	}

	private void serve(SocketChannel channel) {
		try (channel) {
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
			this.connections.incrementAndGet();
			Connection connection = new Connection(channel);
			while (connection.serveOne()) {
				// Keep-alive: the next request on the same connection.
			}
		}
		catch (IOException ex) {
			// The client went away; nothing to report.
		}
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * One client connection: its buffer, which holds read but unconsumed bytes, and its
	 * requests.
	 */
	private final class Connection {

		private final SocketChannel channel;

		private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);

		private long bodyLines;

		private long bodyBytes;

		private byte lastByte;

		Connection(SocketChannel channel) {
			this.channel = channel;
			this.buffer.flip();
		}

		/** Serves one request; false when the client has closed the connection. */
		boolean serveOne() throws IOException {
			String head = readHead();
			if (head == null) {
				return false;
			}
			String[] headLines = head.split("\r\n");
			String[] requestLine = headLines[0].split(" ");
			String method = requestLine[0];
			String path = requestLine[1];
			long contentLength = 0;
			boolean chunked = false;
			boolean close = false;
			for (int i = 1; i < headLines.length; i++) {
				String line = headLines[i].toLowerCase(Locale.ROOT);
				if (line.startsWith("content-length:")) {
					contentLength = Long.parseLong(line.substring(15).trim());
				}
				else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
					chunked = true;
				}
				else if (line.startsWith("connection:") && line.contains("close")) {
					close = true;
				}
				else if (line.startsWith("expect:") && line.contains("100-continue")) {
					write(CONTINUE);
				}
			}
			this.bodyLines = 0;
			this.bodyBytes = 0;
			if (chunked) {
				readChunked();
			}
			else {
				consume(contentLength);
			}
			if (method.equals("GET") && path.equals("/stats")) {
				byte[] body = ascii(HttpSink.this.lines.get() + " " + HttpSink.this.bytes.get() + " "
						+ HttpSink.this.requests.get() + " " + HttpSink.this.connections.get());
				write(ascii(
						"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n"));
				write(body);
			}
			else if (method.equals("POST") && path.equals("/reset")) {
				HttpSink.this.lines.set(0);
				HttpSink.this.bytes.set(0);
				HttpSink.this.requests.set(0);
				HttpSink.this.connections.set(0);
				write(NO_CONTENT);
			}
			else if (method.equals("POST")) {
				if (HttpSink.this.mode == Mode.COUNT && this.bodyBytes > 0 && this.lastByte != '\n') {
					this.bodyLines++;
				}
				// Counted before the answer, so a client that has its answer sees its
				// data counted.
				HttpSink.this.lines.addAndGet(this.bodyLines);
				HttpSink.this.bytes.addAndGet(this.bodyBytes);
				HttpSink.this.requests.incrementAndGet();
				write(NO_CONTENT);
			}
			else {
				write(NOT_FOUND);
			}
			return !close;
		}

		/**
		 * The request line and headers, without the blank line; null at a clean end of
		 * stream.
		 */
		private String readHead() throws IOException {
			int searchFrom = this.buffer.position();
			while (true) {
				for (int i = searchFrom; i + 3 < this.buffer.limit(); i++) {
					if (this.buffer.get(i) == '\r' && this.buffer.get(i + 1) == '\n' && this.buffer.get(i + 2) == '\r'
							&& this.buffer.get(i + 3) == '\n') {
						byte[] head = new byte[i - this.buffer.position()];
						this.buffer.get(head);
						this.buffer.position(i + 4);
						return new String(head, StandardCharsets.US_ASCII);
					}
				}
				searchFrom = Math.max(this.buffer.position(), this.buffer.limit() - 3);
				int before = this.buffer.position();
				if (!fill()) {
					if (this.buffer.hasRemaining()) {
						throw new EOFException("Connection closed inside a request head");
					}
					return null;
				}
				searchFrom -= before - this.buffer.position();
			}
		}

		/**
		 * Reads a chunked body: size lines, data, and the trailer up to the blank line.
		 */
		private void readChunked() throws IOException {
			while (true) {
				String sizeLine = readLine();
				int extension = sizeLine.indexOf(';');
				long size = Long.parseLong((extension >= 0) ? sizeLine.substring(0, extension).trim() : sizeLine.trim(),
						16);
				if (size == 0) {
					while (!readLine().isEmpty()) {
						// Trailer fields are ignored.
					}
					return;
				}
				consume(size);
				readLine();
			}
		}

		private String readLine() throws IOException {
			StringBuilder line = new StringBuilder();
			while (true) {
				if (!this.buffer.hasRemaining() && !fill()) {
					throw new EOFException("Connection closed inside a chunked body");
				}
				byte b = this.buffer.get();
				if (b == '\n') {
					int length = line.length();
					return (length > 0 && line.charAt(length - 1) == '\r') ? line.substring(0, length - 1)
							: line.toString();
				}
				line.append((char) b);
			}
		}

		/** Reads and accounts for {@code length} body bytes. */
		private void consume(long length) throws IOException {
			long remaining = length;
			while (remaining > 0) {
				if (!this.buffer.hasRemaining() && !fill()) {
					throw new EOFException("Connection closed with " + remaining + " body bytes still expected");
				}
				int take = (int) Math.min(remaining, this.buffer.remaining());
				int start = this.buffer.position();
				if (HttpSink.this.mode == Mode.COUNT) {
					this.bodyLines += countNewlines(start, start + take);
				}
				this.lastByte = this.buffer.get(start + take - 1);
				this.buffer.position(start + take);
				this.bodyBytes += take;
				remaining -= take;
			}
		}

		/**
		 * Counts {@code \n} eight bytes at a time: a byte of {@code x} is zero iff its
		 * top bit stays clear.
		 */
		private long countNewlines(int from, int to) {
			long count = 0;
			int i = from;
			for (; i + 8 <= to; i += 8) {
				long x = this.buffer.getLong(i) ^ NEWLINES;
				long nonZero = ((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x;
				count += Long.bitCount(~nonZero & ~LOW_SEVEN_BITS);
			}
			for (; i < to; i++) {
				if (this.buffer.get(i) == '\n') {
					count++;
				}
			}
			return count;
		}

		/** Reads more bytes after those not yet consumed; false at end of stream. */
		private boolean fill() throws IOException {
			this.buffer.compact();
			if (!this.buffer.hasRemaining()) {
				throw new IOException("A request head is larger than the sink's buffer");
			}
			try {
				return this.channel.read(this.buffer) >= 0;
			}
			finally {
				this.buffer.flip();
			}
		}

		private void write(byte[] bytes) throws IOException {
			ByteBuffer out = ByteBuffer.wrap(bytes);
			while (out.hasRemaining()) {
				this.channel.write(out);
			}
		}

	}

}

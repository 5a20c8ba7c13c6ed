package io.cnosdb.spring.benchmarks.query;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * B5's replay server, run in its own JVM: a minimal HTTP/1.1 keep-alive server that
 * answers every request, whatever its path, by draining its body and sending one CSV
 * answer of generated rows with a {@code Content-Length}, straight from a temporary file.
 */
public final class ReplayServer {

	private ReplayServer() {
	}

	/**
	 * Writes the answer, listens on a free loopback port and prints
	 * {@code port=… rows=… bytes=…} once ready.
	 * @param args the number of rows
	 */
	public static void main(String[] args) throws IOException {
		int rows = Integer.parseInt(args[0]);
		Path answer = Files.createTempFile("cnosdb-b5-", ".csv");
		answer.toFile().deleteOnExit();
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(answer), 1 << 20)) {
			StringBuilder text = new StringBuilder(64 * 1024).append(QueryDataset.HEADER);
			QueryDataset.Rows generator = new QueryDataset.Rows();
			for (int i = 0; i < rows; i++) {
				QueryDataset.appendCsv(text, generator.next());
				if (text.length() > 60 * 1024) {
					out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
					text.setLength(0);
				}
			}
			out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
		}
		long size = Files.size(answer);
		ServerSocketChannel server = ServerSocketChannel.open();
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		System.out.printf(Locale.ROOT, "port=%d rows=%d bytes=%d%n", server.socket().getLocalPort(), rows, size);
		System.out.flush();
		while (true) {
			SocketChannel connection = server.accept();
			Thread thread = new Thread(() -> serve(connection, answer, size), "replay");
			thread.setDaemon(true);
			thread.start();
		}
	}

	private static void serve(SocketChannel connection, Path answer, long size) {
		byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/csv\r\nContent-Length: " + size + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		ByteBuffer in = ByteBuffer.allocate(64 * 1024);
		try (connection; FileChannel file = FileChannel.open(answer, StandardOpenOption.READ)) {
			connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
			while (true) {
				int headerEnd;
				while ((headerEnd = headerEnd(in)) < 0) {
					if (!in.hasRemaining() || connection.read(in) < 0) {
						return;
					}
				}
				long remaining = contentLength(in, headerEnd) - (in.position() - headerEnd);
				in.clear();
				while (remaining > 0) {
					int read = connection.read(in);
					if (read < 0) {
						return;
					}
					remaining -= read;
					in.clear();
				}
				ByteBuffer headBuffer = ByteBuffer.wrap(head);
				while (headBuffer.hasRemaining()) {
					connection.write(headBuffer);
				}
				long sent = 0;
				while (sent < size) {
					sent += file.transferTo(sent, size - sent, connection);
				}
			}
		}
		catch (IOException ex) {
			// The client went away; it is done with this connection.
		}
	}

	/**
	 * The index just past the blank line ending the headers in {@code in[0 .. position)},
	 * or -1.
	 */
	private static int headerEnd(ByteBuffer in) {
		byte[] bytes = in.array();
		for (int i = 3; i < in.position(); i++) {
			if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
				return i + 1;
			}
		}
		return -1;
	}

	private static long contentLength(ByteBuffer in, int headerEnd) {
		String headers = new String(in.array(), 0, headerEnd, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
		int at = headers.indexOf("\r\ncontent-length:");
		if (at < 0) {
			return 0;
		}
		int end = headers.indexOf('\r', at + 2);
		return Long.parseLong(headers.substring(at + "\r\ncontent-length:".length(), end).trim());
	}

}

package io.cnosdb.spring.benchmarks.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The ceiling's bare-socket poster against CnosDB's own answers (copied byte for byte
 * from the fixtures recorded from CnosDB 2.4.2, {@code write-blank-lines.http} and
 * {@code database-not-found-on-write.http}), rather than the sink's bodiless 204.
 */
class RawHttpPosterTests {

	/** What CnosDB 2.4.2 answers to a write it took. */
	private static final String WRITTEN = "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n"
			+ "date: Tue, 01 Dec 2026 03:38:27 GMT\r\n\r\n";

	/** What CnosDB 2.4.2 answers to a write into a database it does not have. */
	private static final String DATABASE_NOT_FOUND = "HTTP/1.1 422 Unprocessable Entity\r\n"
			+ "content-type: application/json\r\ncontent-length: 76\r\ndate: Tue, 01 Dec 2026 03:27:04 GMT\r\n\r\n"
			+ "{\"error_code\":\"030017\",\"error_message\":\"Database not found: \\\"fixture_db\\\"\"}";

	private static final byte[] BODY = "m v=1i 1\n".getBytes(StandardCharsets.UTF_8);

	@Test
	void sendsCredentialsAndKeepsTheConnection() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<List<String>> heads = answer(server, WRITTEN, WRITTEN);
			try (RawHttpPoster poster = new RawHttpPoster(server.getLocalPort(), "/api/v1/write?db=d",
					"Authorization: Basic cm9vdDo=\r\n")) {
				poster.post(BODY, 0, BODY.length);
				poster.post(BODY, 0, BODY.length);
			}
			assertThat(heads.get()).hasSize(2)
				.allSatisfy((head) -> assertThat(head).startsWith("POST /api/v1/write?db=d HTTP/1.1\r\n")
					.contains("\r\nAuthorization: Basic cm9vdDo=\r\n")
					.contains("\r\nContent-Length: 9\r\n"));
		}
	}

	@Test
	void failsWithTheServersAnswerAndReadsItsBodySoTheNextRequestWorks() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<List<String>> heads = answer(server, DATABASE_NOT_FOUND, WRITTEN);
			try (RawHttpPoster poster = new RawHttpPoster(server.getLocalPort(), "/api/v1/write?db=d")) {
				assertThatIOException().isThrownBy(() -> poster.post(BODY, 0, BODY.length))
					.withMessageContaining("422")
					.withMessageContaining("Database not found");
				// Had the error's body been left unread, this answer would not parse.
				poster.post(BODY, 0, BODY.length);
			}
			assertThat(heads.get()).hasSize(2);
		}
	}

	@Test
	@Timeout(30) // an empty body whose head is never sent waits for an answer forever
	void sendsEveryByteOfARangeOnceAndInOrderWhateverItsOffsetAndLength() throws Exception {
		byte[] bytes = new byte[200_000];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 31 + (i >> 8));
		}
		int[][] ranges = { { 7, 150_000 }, { 65_536, 65_536 }, { 3, 0 } };
		List<byte[]> bodies = new ArrayList<>();
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<List<String>> heads = answer(server, bodies, WRITTEN, WRITTEN, WRITTEN);
			try (RawHttpPoster poster = new RawHttpPoster(server.getLocalPort(), "/api/v1/write?db=d")) {
				for (int[] range : ranges) {
					poster.post(bytes, range[0], range[1]);
				}
			}
			assertThat(heads.get()).hasSize(3);
		}
		for (int i = 0; i < ranges.length; i++) {
			assertThat(bodies.get(i)).isEqualTo(Arrays.copyOfRange(bytes, ranges[i][0], ranges[i][0] + ranges[i][1]));
		}
	}

	/** Accepts one connection and gives its requests these answers, in turn. */
	private static CompletableFuture<List<String>> answer(ServerSocket server, String... answers) {
		return answer(server, new ArrayList<>(), answers);
	}

	/**
	 * Accepts one connection, keeps the bodies of its requests and gives them these
	 * answers, in turn.
	 */
	private static CompletableFuture<List<String>> answer(ServerSocket server, List<byte[]> bodies, String... answers) {
		return CompletableFuture.supplyAsync(() -> {
			List<String> heads = new ArrayList<>();
			try (Socket socket = server.accept()) {
				InputStream in = socket.getInputStream();
				OutputStream out = socket.getOutputStream();
				for (String answer : answers) {
					String head = readHead(in);
					int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
					bodies.add(in.readNBytes(length));
					heads.add(head);
					out.write(answer.getBytes(StandardCharsets.UTF_8));
					out.flush();
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return heads;
		});
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Closed after " + head);
			}
			head.write(b);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

}

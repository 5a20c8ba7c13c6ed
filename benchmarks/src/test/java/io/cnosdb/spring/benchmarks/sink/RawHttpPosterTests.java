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
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The ceiling's bare-socket poster against a server that answers with bodies, as CnosDB
 * does, rather than the sink's bodiless 204.
 */
class RawHttpPosterTests {

	@Test
	void readsAnswerBodiesSoTheNextRequestStartsClean() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<List<String>> heads = answer(server, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 2);
			try (RawHttpPoster poster = new RawHttpPoster(server.getLocalPort(), "/api/v1/write?db=d",
					"Authorization: Basic cm9vdDo=\r\n")) {
				byte[] body = "m v=1i 1\n".getBytes(StandardCharsets.UTF_8);
				poster.post(body, 0, body.length);
				poster.post(body, 0, body.length);
			}
			assertThat(heads.get()).hasSize(2)
				.allSatisfy((head) -> assertThat(head).startsWith("POST /api/v1/write?db=d HTTP/1.1\r\n")
					.contains("\r\nAuthorization: Basic cm9vdDo=\r\n")
					.contains("\r\nContent-Length: 9\r\n"));
		}
	}

	@Test
	void failsWithTheServersStatusAndMessage() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String error = "{\"error_code\":\"010001\",\"error_message\":\"bad line\"}";
			answer(server,
					"HTTP/1.1 422 Unprocessable Entity\r\nContent-Length: " + error.length() + "\r\n\r\n" + error, 1);
			try (RawHttpPoster poster = new RawHttpPoster(server.getLocalPort(), "/api/v1/write?db=d")) {
				byte[] body = "m,t=a\n".getBytes(StandardCharsets.UTF_8);
				assertThatIOException().isThrownBy(() -> poster.post(body, 0, body.length))
					.withMessageContaining("422")
					.withMessageContaining("bad line");
			}
		}
	}

	/** Accepts one connection and gives the same answer to each of its requests. */
	private static CompletableFuture<List<String>> answer(ServerSocket server, String answer, int requests) {
		return CompletableFuture.supplyAsync(() -> {
			List<String> heads = new ArrayList<>();
			try (Socket socket = server.accept()) {
				InputStream in = socket.getInputStream();
				OutputStream out = socket.getOutputStream();
				for (int i = 0; i < requests; i++) {
					String head = readHead(in);
					int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
					in.readNBytes(length);
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

package io.cnosdb.spring.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An HTTP/1.1 client on a plain socket, so that an answer is kept exactly as the server
 * sent it: status line, headers in their order and spelling, and the body with its chunk
 * framing. Every request says {@code Connection: close} and the answer is read to the end
 * of the stream.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = 30_000;

	private final URI base;

	private final String authorization;

	/**
	 * A client for the server at {@code url}, sending Basic authentication for the given
	 * user where a request asks for it.
	 */
	RawHttp(String url, String user, String password) {
		this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** The request exactly as it goes over the wire, for the fixture's record. */
	byte[] encode(CnosDbScenario.Request request) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String path = this.base.getRawPath();
		String head = request.method() + " " + ((path != null) ? path : "") + request.target() + " HTTP/1.1\r\n"
				+ "Host: " + this.base.getHost() + ((this.base.getPort() != -1) ? ":" + this.base.getPort() : "")
				+ "\r\n";
		StringBuilder headers = new StringBuilder(head);
		request.headers()
			.forEach((header) -> headers.append(header.name()).append(": ").append(header.value()).append("\r\n"));
		if (request.authorization() == CnosDbScenario.Authorization.CONFIGURED_USER) {
			headers.append("Authorization: ").append(this.authorization).append("\r\n");
		}
		if (request.body() != null) {
			headers.append("Content-Length: ").append(request.body().length).append("\r\n");
		}
		headers.append("Connection: close\r\n\r\n");
		out.writeBytes(headers.toString().getBytes(StandardCharsets.UTF_8));
		if (request.body() != null) {
			out.writeBytes(request.body());
		}
		return out.toByteArray();
	}

	/** Sends the request and reads the answer to the end of the stream. */
	Exchange exchange(CnosDbScenario.Request request) {
		byte[] sent = encode(request);
		int port = (this.base.getPort() != -1) ? this.base.getPort() : 80;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.base.getHost(), port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			// A server may answer a large body before reading it (413) and close: send
			// from
			// another thread, so that the answer is read whatever becomes of the sending.
			Thread sender = new Thread(() -> {
				try {
					out.write(sent);
					out.flush();
				}
				catch (IOException ex) {
					// The answer says what happened.
				}
			}, "raw-http-send");
			sender.start();
			byte[] received = readToEnd(socket.getInputStream());
			sender.join(TIMEOUT_MILLIS);
			return new Exchange(sent, received, HttpFixture.parse(received));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot exchange " + request.method() + " " + request.target() + " with " + this.base, ex);
		}
	}

	/**
	 * Everything until the server closes the connection; where it resets the connection
	 * instead (as after answering a body it did not read), what came before the reset.
	 */
	private static byte[] readToEnd(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				received.write(buffer, 0, n);
			}
		}
		catch (SocketException ex) {
			if (received.size() == 0) {
				throw ex;
			}
		}
		return received.toByteArray();
	}

	/** The header this client sends for the configured user. */
	String authorization() {
		return this.authorization;
	}

	/**
	 * A request and its answer.
	 *
	 * @param request the bytes sent
	 * @param response the bytes received, to the end of the stream
	 * @param parsed the answer parsed
	 */
	record Exchange(byte[] request, byte[] response, HttpFixture parsed) {
	}

}

package io.cnosdb.spring.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A raw HTTP/1.1 response, as kept in a {@code .http} fixture: the status line, the
 * header lines, an empty line and the body bytes as they went over the wire (with their
 * chunk framing when the answer was chunked).
 *
 * @param raw the bytes as received
 * @param status the status code
 * @param reason the reason phrase
 * @param headers the headers in the order sent
 * @param chunks the body as sent: one element per chunk when chunked, else a single
 * element (none for an empty body)
 * @param chunked whether the body was sent with {@code Transfer-Encoding: chunked}
 */
public record HttpFixture(byte[] raw, int status, String reason, List<Header> headers, List<byte[]> chunks,
		boolean chunked) {

	private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: (.*))?");

	private static final Pattern ERROR_CODE = Pattern.compile("\"error_code\"\\s*:\\s*\"([^\"]*)\"");

	/** Parses a response as received to the end of the stream. */
	public static HttpFixture parse(byte[] raw) {
		int end = indexOf(raw, new byte[] { '\r', '\n', '\r', '\n' }, 0);
		if (end < 0) {
			throw new IllegalArgumentException("Not an HTTP response: no end of headers in " + raw.length + " byte(s)");
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		Matcher statusLine = STATUS_LINE.matcher(lines[0]);
		if (!statusLine.matches()) {
			throw new IllegalArgumentException("Not an HTTP status line: " + lines[0]);
		}
		List<Header> headers = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon <= 0) {
				throw new IllegalArgumentException("Not a header line: " + lines[i]);
			}
			headers.add(new Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
		}
		int bodyStart = end + 4;
		boolean chunked = headers.stream()
			.anyMatch((h) -> h.is("Transfer-Encoding") && h.value().toLowerCase(Locale.ROOT).contains("chunked"));
		List<byte[]> chunks = new ArrayList<>();
		if (chunked) {
			int position = bodyStart;
			while (true) {
				int lineEnd = indexOf(raw, new byte[] { '\r', '\n' }, position);
				if (lineEnd < 0) {
					throw new IllegalArgumentException("Chunked body ends without its last chunk");
				}
				String sizeLine = new String(raw, position, lineEnd - position, StandardCharsets.ISO_8859_1);
				int semicolon = sizeLine.indexOf(';');
				int size = Integer.parseInt(((semicolon >= 0) ? sizeLine.substring(0, semicolon) : sizeLine).strip(),
						16);
				position = lineEnd + 2;
				if (size == 0) {
					break;
				}
				byte[] chunk = new byte[size];
				System.arraycopy(raw, position, chunk, 0, size);
				chunks.add(chunk);
				position += size + 2;
			}
		}
		else if (raw.length > bodyStart) {
			byte[] body = new byte[raw.length - bodyStart];
			System.arraycopy(raw, bodyStart, body, 0, body.length);
			chunks.add(body);
		}
		return new HttpFixture(raw, Integer.parseInt(statusLine.group(1)),
				(statusLine.group(2) != null) ? statusLine.group(2) : "", List.copyOf(headers), List.copyOf(chunks),
				chunked);
	}

	/** The first value of the header, by name in any case, or {@code null}. */
	public @Nullable String header(String name) {
		return this.headers.stream().filter((h) -> h.is(name)).map(Header::value).findFirst().orElse(null);
	}

	/** The body with any chunk framing removed. */
	public byte[] body() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.chunks.forEach(out::writeBytes);
		return out.toByteArray();
	}

	/** The body as UTF-8 text. */
	public String bodyText() {
		return new String(body(), StandardCharsets.UTF_8);
	}

	/** The {@code error_code} of a JSON error body, or {@code null}. */
	public @Nullable String errorCode() {
		Matcher matcher = ERROR_CODE.matcher(bodyText());
		return matcher.find() ? matcher.group(1) : null;
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * A header line.
	 *
	 * @param name the name as sent
	 * @param value the value, without surrounding space
	 */
	public record Header(String name, String value) {

		boolean is(String other) {
			return this.name.equalsIgnoreCase(other);
		}

	}

}

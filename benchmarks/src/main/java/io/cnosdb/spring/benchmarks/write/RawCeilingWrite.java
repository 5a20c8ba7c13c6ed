package io.cnosdb.spring.benchmarks.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cnosdb.spring.benchmarks.sink.RawHttpPoster;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;

/**
 * The ceiling: the same lines, encoded before the clock starts and cut into bodies of
 * {@code linesPerBody} lines (ours' batch size), POSTed over a bare socket. It measures
 * what the sink and the loopback allow, with nothing left for encoding or an HTTP
 * library.
 */
final class RawCeilingWrite implements WriteContender {

	private final int port;

	private final int linesPerBody;

	private final Map<Long, List<byte[]>> bodies = new HashMap<>();

	RawCeilingWrite(int port, int linesPerBody) {
		this.port = port;
		this.linesPerBody = linesPerBody;
	}

	@Override
	public Threading threading() {
		return Threading.CEILING;
	}

	@Override
	public String name() {
		return "raw socket, pre-encoded (" + this.linesPerBody + ")";
	}

	/** Encodes the bodies for points {@code from .. to}, outside the timed run. */
	void prepare(WriteDataset data, int from, int to) {
		this.bodies.computeIfAbsent(key(from, to), (key) -> encode(data, from, to));
	}

	@Override
	public void write(WriteDataset data, int from, int to) throws IOException {
		List<byte[]> prepared = this.bodies.get(key(from, to));
		if (prepared == null) {
			throw new IllegalStateException("Bodies for points " + from + ".." + to + " were not prepared");
		}
		try (RawHttpPoster poster = new RawHttpPoster(this.port, "/api/v1/write?db=public&precision=ns")) {
			for (byte[] body : prepared) {
				poster.post(body, 0, body.length);
			}
		}
	}

	private List<byte[]> encode(WriteDataset data, int from, int to) {
		LineProtocolEncoder encoder = new LineProtocolEncoder();
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		List<byte[]> encoded = new ArrayList<>();
		for (int start = from; start < to; start += this.linesPerBody) {
			buffer.reset();
			for (int i = start; i < Math.min(to, start + this.linesPerBody); i++) {
				encoder.encode(Points.ours(data, i), buffer);
			}
			encoded.add(buffer.toByteArray());
		}
		return encoded;
	}

	private static long key(int from, int to) {
		return ((long) from << 32) | to;
	}

}

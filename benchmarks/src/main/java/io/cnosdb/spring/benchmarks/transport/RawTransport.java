package io.cnosdb.spring.benchmarks.transport;

import java.io.IOException;

import io.cnosdb.spring.benchmarks.sink.RawHttpPoster;

/** The ceiling: a bare kept-alive socket, see {@link RawHttpPoster}. */
final class RawTransport implements Transport {

	private final RawHttpPoster poster;

	RawTransport(int port) throws IOException {
		this.poster = new RawHttpPoster(port, TransportSuite.PATH);
	}

	@Override
	public String name() {
		return "raw socket";
	}

	@Override
	public void post(byte[] body) throws IOException {
		this.poster.post(body, 0, body.length);
	}

	@Override
	public void close() throws IOException {
		this.poster.close();
	}

}

package io.cnosdb.spring.benchmarks.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JDK's {@link HttpClient}, held to HTTP/1.1 or at its default (HTTP/2 preferred, h2c
 * upgrade).
 */
final class JdkTransport implements Transport {

	private final HttpClient client;

	private final URI uri;

	private final boolean http11;

	JdkTransport(String url, boolean http11) {
		HttpClient.Builder builder = HttpClient.newBuilder();
		if (http11) {
			builder.version(HttpClient.Version.HTTP_1_1);
		}
		this.client = builder.build();
		this.uri = URI.create(url + TransportSuite.PATH);
		this.http11 = http11;
	}

	@Override
	public String name() {
		return "jdk HttpClient " + (this.http11 ? "HTTP_1_1" : "default");
	}

	@Override
	public void post(byte[] body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		Transport.checkStatus(this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
	}

}

package io.cnosdb.spring.benchmarks.transport;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Spring's {@link RestClient} over one of its request factories, the body a
 * {@code byte[]}.
 */
final class RestClientTransport implements Transport {

	private final String name;

	private final ClientHttpRequestFactory requestFactory;

	private final RestClient client;

	RestClientTransport(String name, String url, ClientHttpRequestFactory requestFactory) {
		this.name = name;
		this.requestFactory = requestFactory;
		this.client = RestClient.builder().baseUrl(url).requestFactory(requestFactory).build();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void post(byte[] body) {
		Transport.checkStatus(this.client.post()
			.uri(TransportSuite.PATH)
			.contentType(MediaType.TEXT_PLAIN)
			.body(body)
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value());
	}

	@Override
	public void close() throws Exception {
		// The Jetty and HttpComponents factories stop the clients they made on destroy().
		if (this.requestFactory instanceof DisposableBean disposable) {
			disposable.destroy();
		}
		else if (this.requestFactory instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}

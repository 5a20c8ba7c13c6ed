package io.cnosdb.spring.benchmarks.transport;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;

/** The Jetty 12 client at its defaults, the body as {@link BytesRequestContent}. */
final class JettyTransport implements Transport {

	private final HttpClient client = new HttpClient();

	private final String uri;

	JettyTransport(String url) throws Exception {
		this.client.start();
		this.uri = url + TransportSuite.PATH;
	}

	@Override
	public String name() {
		return "jetty-client";
	}

	@Override
	public void post(byte[] body) throws Exception {
		Transport.checkStatus(this.client.newRequest(this.uri)
			.method(HttpMethod.POST)
			.body(new BytesRequestContent("text/plain", body))
			.send()
			.getStatus());
	}

	@Override
	public void close() throws Exception {
		this.client.stop();
	}

}

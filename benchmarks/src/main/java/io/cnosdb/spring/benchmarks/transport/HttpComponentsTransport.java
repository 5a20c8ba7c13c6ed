package io.cnosdb.spring.benchmarks.transport;

import java.io.IOException;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Apache HttpClient 5 classic at its defaults, the body as a {@link ByteArrayEntity}. */
final class HttpComponentsTransport implements Transport {

	private final CloseableHttpClient client = HttpClients.createDefault();

	private final String uri;

	HttpComponentsTransport(String url) {
		this.uri = url + TransportSuite.PATH;
	}

	@Override
	public String name() {
		return "httpclient5 classic";
	}

	@Override
	public void post(byte[] body) throws IOException {
		HttpPost post = new HttpPost(this.uri);
		post.setEntity(new ByteArrayEntity(body, ContentType.TEXT_PLAIN));
		int status = this.client.execute(post, (response) -> {
			EntityUtils.consume(response.getEntity());
			return response.getCode();
		});
		Transport.checkStatus(status);
	}

	@Override
	public void close() throws IOException {
		this.client.close();
	}

}

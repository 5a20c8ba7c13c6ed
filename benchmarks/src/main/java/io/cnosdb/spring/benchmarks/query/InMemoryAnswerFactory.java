package io.cnosdb.spring.benchmarks.query;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A request factory that answers every request with {@code 200} and a body taken from a
 * supplier, so a template's query path runs whole except for the network.
 */
public final class InMemoryAnswerFactory implements ClientHttpRequestFactory {

	private final Supplier<InputStream> bodies;

	public InMemoryAnswerFactory(Supplier<InputStream> bodies) {
		this.bodies = bodies;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new AbstractClientHttpRequest() {

			@Override
			public HttpMethod getMethod() {
				return httpMethod;
			}

			@Override
			public URI getURI() {
				return uri;
			}

			@Override
			protected OutputStream getBodyInternal(HttpHeaders headers) {
				return OutputStream.nullOutputStream();
			}

			@Override
			protected ClientHttpResponse executeInternal(HttpHeaders headers) {
				return new Answer(InMemoryAnswerFactory.this.bodies.get());
			}

		};
	}

	private static final class Answer implements ClientHttpResponse {

		private final InputStream body;

		private final HttpHeaders headers = new HttpHeaders();

		Answer(InputStream body) {
			this.body = body;
			this.headers.set(HttpHeaders.CONTENT_TYPE, "application/csv");
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public void close() {
		}

	}

}

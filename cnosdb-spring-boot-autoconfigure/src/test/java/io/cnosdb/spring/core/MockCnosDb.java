package io.cnosdb.spring.core;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A {@link MockWebServer} on loopback standing in for CnosDB, and templates pointed at
 * it. Create one per test and close it afterwards.
 */
public final class MockCnosDb implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private HttpComponentsClientHttpRequestFactory apacheFactory;

	public MockCnosDb() {
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return this.server.url("/").toString();
	}

	MockWebServer server() {
		return this.server;
	}

	public void enqueue(MockResponse... responses) {
		for (MockResponse response : responses) {
			this.server.enqueue(response);
		}
	}

	RecordedRequest takeRequest() {
		try {
			RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
			if (request == null) {
				throw new AssertionError("The client sent no request");
			}
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The body of the next request, as UTF-8. */
	String takeBody() {
		return takeRequest().getBody().utf8();
	}

	int requestCount() {
		return this.server.getRequestCount();
	}

	/** A builder with the server's URL and defaults otherwise (root, empty password). */
	CnosTemplateBuilder builder() {
		return CnosTemplate.builder().url(url());
	}

	/** A template with the client it builds by default. */
	public CnosTemplate template() {
		return builder().build();
	}

	/** A template sending through the given transport. */
	public CnosTemplate template(Transport transport) {
		return transport.configure(this, builder()).build();
	}

	@Override
	public void close() throws Exception {
		try {
			if (this.apacheFactory != null) {
				this.apacheFactory.destroy();
			}
		}
		finally {
			this.server.close();
		}
	}

	/** The HTTP stacks the template must behave the same on. */
	enum Transport {

		/**
		 * The default: the template builds its own client (HttpClient 5, on this class
		 * path).
		 */
		DEFAULT {
			@Override
			CnosTemplateBuilder configure(MockCnosDb db, CnosTemplateBuilder builder) {
				return builder;
			}
		},

		/** The JDK's HttpClient through a user-supplied RestClient.Builder. */
		JDK {
			@Override
			CnosTemplateBuilder configure(MockCnosDb db, CnosTemplateBuilder builder) {
				return builder.restClientBuilder(RestClient.builder()
					.requestFactory(new JdkClientHttpRequestFactory(
							HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())));
			}
		},

		/** Apache HttpClient 5 through a user-supplied RestClient.Builder. */
		APACHE {
			@Override
			CnosTemplateBuilder configure(MockCnosDb db, CnosTemplateBuilder builder) {
				if (db.apacheFactory == null) {
					db.apacheFactory = new HttpComponentsClientHttpRequestFactory();
				}
				return builder.restClientBuilder(RestClient.builder().requestFactory(db.apacheFactory));
			}
		};

		abstract CnosTemplateBuilder configure(MockCnosDb db, CnosTemplateBuilder builder);

	}

}

package io.cnosdb.spring.testsupport;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.CnosTemplateBuilder;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A {@link MockWebServer} on loopback standing in for CnosDB, and templates pointed at
 * it: the one fixture of the tests that replay {@link RecordedAnswers recorded answers}
 * to the client. Register one per test instance with {@code @RegisterExtension}, which
 * closes it after each test, or create one and close it.
 */
public final class MockCnosDb implements AutoCloseable, AfterEachCallback {

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

	/** The URL of the server's root, as a template is given it. */
	public String url() {
		return this.server.url("/").toString();
	}

	/** The server itself, for what this fixture does not cover. */
	public MockWebServer server() {
		return this.server;
	}

	/** Answers the next requests, in order. */
	public void enqueue(MockResponse... responses) {
		for (MockResponse response : responses) {
			this.server.enqueue(response);
		}
	}

	/**
	 * Answers every request with the dispatcher instead of the queue, for answers that
	 * depend on the request.
	 */
	public void dispatch(Dispatcher dispatcher) {
		this.server.setDispatcher(dispatcher);
	}

	/** The next request the client sent; fails if none came within five seconds. */
	public RecordedRequest takeRequest() {
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
	public String takeBody() {
		return takeRequest().getBody().utf8();
	}

	/** How many requests the server got. */
	public int requestCount() {
		return this.server.getRequestCount();
	}

	/** A builder with the server's URL and defaults otherwise (root, empty password). */
	public CnosTemplateBuilder builder() {
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
	public void afterEach(ExtensionContext context) throws Exception {
		close();
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
	public enum Transport {

		/**
		 * The default: the template builds its own client (HttpClient 5, on this class
		 * path).
		 */
		DEFAULT {
			@Override
			public CnosTemplateBuilder configure(MockCnosDb db, CnosTemplateBuilder builder) {
				return builder;
			}
		},

		/** The JDK's HttpClient through a user-supplied RestClient.Builder. */
		JDK {
			@Override
			public CnosTemplateBuilder configure(MockCnosDb db, CnosTemplateBuilder builder) {
				return builder.restClientBuilder(RestClient.builder()
					.requestFactory(new JdkClientHttpRequestFactory(
							HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())));
			}
		},

		/** Apache HttpClient 5 through a user-supplied RestClient.Builder. */
		APACHE {
			@Override
			public CnosTemplateBuilder configure(MockCnosDb db, CnosTemplateBuilder builder) {
				if (db.apacheFactory == null) {
					db.apacheFactory = new HttpComponentsClientHttpRequestFactory();
				}
				return builder.restClientBuilder(RestClient.builder().requestFactory(db.apacheFactory));
			}
		};

		/** The builder, set to send through this transport. */
		public abstract CnosTemplateBuilder configure(MockCnosDb db, CnosTemplateBuilder builder);

	}

}

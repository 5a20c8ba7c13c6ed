package io.cnosdb.spring.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Watches the responses a template reads: how many body bytes it pulled and whether it
 * closed them, so tests can see that results are read lazily and always released.
 */
final class TrackingInterceptor implements ClientHttpRequestInterceptor {

	private final AtomicLong bytesRead = new AtomicLong();

	private final AtomicInteger opened = new AtomicInteger();

	private final AtomicInteger closed = new AtomicInteger();

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		this.opened.incrementAndGet();
		return new TrackedResponse(response);
	}

	long bytesRead() {
		return this.bytesRead.get();
	}

	/** Whether every response opened so far has been closed. */
	boolean allClosed() {
		return this.opened.get() > 0 && this.closed.get() >= this.opened.get();
	}

	private final class TrackedResponse implements ClientHttpResponse {

		private final ClientHttpResponse delegate;

		private InputStream body;

		private boolean isClosed;

		TrackedResponse(ClientHttpResponse delegate) {
			this.delegate = delegate;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public synchronized InputStream getBody() throws IOException {
			if (this.body == null) {
				this.body = new FilterInputStream(this.delegate.getBody()) {

					@Override
					public int read() throws IOException {
						int b = super.read();
						if (b >= 0) {
							TrackingInterceptor.this.bytesRead.incrementAndGet();
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = super.read(buffer, offset, length);
						if (n > 0) {
							TrackingInterceptor.this.bytesRead.addAndGet(n);
						}
						return n;
					}

				};
			}
			return this.body;
		}

		@Override
		public synchronized void close() {
			if (!this.isClosed) {
				this.isClosed = true;
				TrackingInterceptor.this.closed.incrementAndGet();
			}
			this.delegate.close();
		}

	}

}

package io.cnosdb.spring.benchmarks.transport;

import java.io.IOException;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import io.cnosdb.spring.benchmarks.sink.NoDelaySocketFactory;

/** OkHttp 4 as it comes (Nagle on) or with {@code TCP_NODELAY} sockets. */
final class OkHttpTransport implements Transport {

	private static final MediaType TEXT = MediaType.get("text/plain");

	private final OkHttpClient client;

	private final String uri;

	private final boolean noDelay;

	OkHttpTransport(String url, boolean noDelay) {
		OkHttpClient.Builder builder = new OkHttpClient.Builder();
		if (noDelay) {
			builder.socketFactory(new NoDelaySocketFactory());
		}
		this.client = builder.build();
		this.uri = url + TransportSuite.PATH;
		this.noDelay = noDelay;
	}

	@Override
	public String name() {
		return "okhttp " + (this.noDelay ? "nodelay" : "default");
	}

	@Override
	public void post(byte[] body) throws IOException {
		Request request = new Request.Builder().url(this.uri).post(RequestBody.create(body, TEXT)).build();
		try (Response response = this.client.newCall(request).execute()) {
			Transport.checkStatus(response.code());
		}
	}

	@Override
	public void close() {
		this.client.dispatcher().executorService().shutdown();
		this.client.connectionPool().evictAll();
	}

}

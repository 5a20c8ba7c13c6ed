package io.cnosdb.spring.benchmarks.write;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.domain.WritePrecision;
import okhttp3.OkHttpClient;

import io.cnosdb.spring.benchmarks.sink.NoDelaySocketFactory;

/**
 * influxdb-client-java clients pointed at the sink, with or without {@code TCP_NODELAY}.
 */
final class InfluxClients {

	private InfluxClients() {
	}

	static InfluxDBClient create(String url, boolean noDelay) {
		OkHttpClient.Builder http = new OkHttpClient.Builder();
		if (noDelay) {
			http.socketFactory(new NoDelaySocketFactory());
		}
		return InfluxDBClientFactory.create(InfluxDBClientOptions.builder()
			.url(url)
			.authenticateToken("token".toCharArray())
			.org("org")
			.bucket("bucket")
			.precision(WritePrecision.NS)
			.okHttpClient(http)
			.build());
	}

}

package io.cnosdb.spring.autoconfigure;

import io.cnosdb.spring.core.support.CnosResources;
import io.cnosdb.spring.core.support.CnosTimeouts;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CnosDbRequestFactoryBuilders} and {@link CnosDbPingRequestFactories}:
 * no timeout overflows on its way to the HTTP client.
 */
class CnosDbRequestFactoryBuildersTests {

	/** The longest duration, on which {@link Duration#toMillis()} throws. */
	private static final Duration HUGE = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

	@Test
	void millisSaturate() {
		assertThat(CnosTimeouts.millis(Duration.ofSeconds(2))).isEqualTo(2000);
		assertThat(CnosTimeouts.millis(Duration.ofDays(100_000_000_000L))).isEqualTo(8_640_000_000_000_000_000L);
		assertThat(CnosTimeouts.millis(Duration.ofSeconds(Long.MAX_VALUE / 1000))).isEqualTo(Long.MAX_VALUE);
		assertThat(CnosTimeouts.millis(HUGE)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void aHugeConnectTimeoutBuildsAFactory() throws Exception {
		ClientHttpRequestFactoryBuilder<?> builder = CnosDbRequestFactoryBuilders
			.forCnosDb(ClientHttpRequestFactoryBuilder.httpComponents(), 5, HUGE);
		ClientHttpRequestFactory factory = builder.build(HttpClientSettings.defaults());
		try {
			assertThat(factory.createRequest(URI.create("http://localhost:1/"), HttpMethod.GET)).isNotNull();
		}
		finally {
			CnosResources.close(factory);
		}
	}

	@Test
	void aPingOfAHugeTimeoutGetsAFactory() throws Exception {
		ClientHttpRequestFactoryBuilder<?> builder = CnosDbRequestFactoryBuilders
			.forCnosDb(ClientHttpRequestFactoryBuilder.httpComponents(), 5, Duration.ofSeconds(1));
		try (CnosDbPingRequestFactories pings = CnosDbPingRequestFactories.of(builder, HttpClientSettings.defaults(),
				Duration.ofSeconds(1))) {
			assertThat(pings.apply(HUGE).createRequest(URI.create("http://localhost:1/"), HttpMethod.GET)).isNotNull();
		}
	}

	@Test
	void pingsOfOtherClientsGetAFactoryPerTimeout() throws Exception {
		try (CnosDbPingRequestFactories pings = CnosDbPingRequestFactories.of(ClientHttpRequestFactoryBuilder.jdk(),
				HttpClientSettings.defaults(), Duration.ofSeconds(1))) {
			ClientHttpRequestFactory twoSeconds = pings.apply(Duration.ofSeconds(2));
			assertThat(pings.apply(Duration.ofSeconds(2))).isSameAs(twoSeconds);
			assertThat(pings.apply(Duration.ofSeconds(3))).isNotSameAs(twoSeconds);
		}
	}

}

package io.cnosdb.spring.autoconfigure;

import java.time.Duration;

/**
 * Settings of the CnosDB health indicator, under {@code cnosdb.health}.
 */
public class CnosDbHealthProperties {

	/**
	 * Longest time the health check waits to connect, and again for the server's ping
	 * answer, independent of the read timeout of statements.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}

package io.cnosdb.spring.core.http;

/**
 * What CnosDB answered to {@code GET /api/v1/ping}.
 *
 * @param version the server's version text, such as
 * {@code 2.4.3, revision: c760943, build_time: …}; empty when the server sent none
 * @param status the server's status, {@code healthy} when it serves requests; empty when
 * the server sent none
 */
public record CnosPing(String version, String status) {

	/** The status a server that serves requests reports. */
	public static final String HEALTHY = "healthy";

	/** Whether the server reported itself {@value #HEALTHY}. */
	public boolean isHealthy() {
		return HEALTHY.equalsIgnoreCase(this.status);
	}

}

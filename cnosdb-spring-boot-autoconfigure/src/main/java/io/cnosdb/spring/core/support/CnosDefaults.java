package io.cnosdb.spring.core.support;

import java.time.Duration;

/**
 * The defaults of a CnosDB client, matching the server's own: a CnosDB installed with its
 * shipped configuration is reached with none of them changed.
 */
public final class CnosDefaults {

	/** The HTTP API on its default port. */
	public static final String URL = "http://localhost:8902";

	/** The administrator every server is created with. */
	public static final String USER = "root";

	/**
	 * An empty password; the server does not check passwords unless {@code auth_enabled}
	 * is set.
	 */
	public static final String PASSWORD = "";

	/** The database the server uses when a request names none. */
	public static final String DATABASE = "public";

	/** The tenant the server uses when a request names none. */
	public static final String TENANT = "cnosdb";

	/** How long to wait for a connection. */
	public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** How long to wait for an answer; queries over long ranges can take a while. */
	public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * How many connections the default HTTP client keeps to the server at once: enough
	 * for dozens of threads, some running a query inside another query's row callback,
	 * and far below what a server accepts.
	 */
	public static final int MAX_CONNECTIONS = 50;

	/**
	 * The longest a statement may take, from sending it to reading its last row: long
	 * enough for a query over years of data, short enough that an answer trickling in a
	 * byte at a time, which never trips the read timeout, ends.
	 */
	public static final Duration QUERY_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * The most bytes one row of an answer may take, 64 MiB: far more than any row of
	 * measurements (a string field of CnosDB is a few KiB in practice, rows are under a
	 * KiB), small enough that an endless cell fails long before the heap is exhausted,
	 * even with a few such reads at once.
	 */
	public static final int MAX_ROW_SIZE = 64 * 1024 * 1024;

	/**
	 * The most rows a list-returning query collects, one million: far beyond a list
	 * anybody displays or processes at once (about 0.1 to 1 GB as maps), so larger
	 * answers, which would exhaust the heap, fail clearly and are read with a stream
	 * instead.
	 */
	public static final int MAX_ROWS = 1_000_000;

	/**
	 * How long a node of a cluster that failed is first skipped: long enough that a node
	 * refusing connections costs one attempt a second, short enough that a restarted node
	 * is back within about a second.
	 */
	public static final Duration NODE_BACKOFF_INITIAL = Duration.ofSeconds(1);

	/**
	 * The longest a node that keeps failing is skipped: the backoff doubles with each
	 * failure in a row up to this, so a node that is gone for good costs one attempt in
	 * half a minute.
	 */
	public static final Duration NODE_BACKOFF_MAX = Duration.ofSeconds(30);

	/**
	 * How far each backoff of a node moves at random, scaled with the backoff as it
	 * doubles: half of the first backoff, so that clients that lost a node at the same
	 * moment do not all come back to it at the same moment.
	 */
	public static final Duration NODE_BACKOFF_JITTER = Duration.ofMillis(500);

	/**
	 * The longest the ping that checks a node whose backoff has passed waits to connect,
	 * and again for the answer, before the node is given requests again.
	 */
	public static final Duration NODE_PROBE_TIMEOUT = Duration.ofSeconds(2);

	private CnosDefaults() {
	}

}

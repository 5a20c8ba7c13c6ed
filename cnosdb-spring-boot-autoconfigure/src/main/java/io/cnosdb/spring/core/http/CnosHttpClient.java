package io.cnosdb.spring.core.http;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.cnosdb.spring.core.support.CnosResources;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.CnosWriteCompression;
import io.cnosdb.spring.core.write.EncodeBuffers;

import org.springframework.dao.DataAccessException;
import org.springframework.web.client.RestClient;

/**
 * The CnosDB endpoints a template uses, {@code /api/v1/sql} and {@code /api/v1/write},
 * plus {@code /api/v1/ping}, over Spring's {@link RestClient}: one {@code Accept} value,
 * Basic authentication on every statement and write (never on a ping, which needs none),
 * bodies as byte arrays so they carry a {@code Content-Length} (the server answers a
 * chunked upload with an empty 500), and every failure turned into a
 * {@link DataAccessException}. Each statement, write and ping is observed as a
 * {@link io.cnosdb.spring.core.observation.CnosObservationDocumentation#REQUEST request}
 * when the builder was given an observation registry.
 * <p>
 * Given the nodes of a cluster ({@link CnosHttpClientBuilder#urls(List)}), each request
 * goes to the first available node in their order, and on to the next one when it did not
 * reach its node (a connection that could not be made, a 503 answer); a request that
 * failed after it was sent is not sent again, as the node may have applied it. The node
 * is then held down for a backoff, and pinged before it gets requests again.
 * {@link #nodes()} tells each node's state.
 */
public final class CnosHttpClient implements AutoCloseable {

	static final String SQL_PATH = "/api/v1/sql";

	static final String WRITE_PATH = "/api/v1/write";

	public static final String PING_PATH = "/api/v1/ping";

	/**
	 * CSV keeps the statement's column order and duplicate names, NaN and infinity, every
	 * digit of unsigned values and nine-digit timestamps; JSON sorts keys and drops NULL,
	 * NaN and infinity. {@code application/csv} rather than {@code text/csv}: servers
	 * before 2.4.3 accept only the {@code application/} prefix.
	 */
	static final String ACCEPT_CSV = "application/csv";

	private final NodeSelector nodes;

	private final String displayUrl;

	private final CnosCredentials credentials;

	private final EncodeBuffers encodeBuffers = new EncodeBuffers();

	private final CnosWriteCompression writeCompression;

	private final int writeCompressionLevel;

	/** What this client made for itself alone, closed with it. */
	private final List<Object> owned;

	private CnosHttpClient(CnosHttpClientBuilder builder, NodeSelector nodes, CnosCredentials credentials,
			List<Object> owned) {
		this.nodes = nodes;
		this.credentials = credentials;
		this.owned = owned;
		this.displayUrl = String.join(", ", nodes.nodes().stream().map(CnosNode::url).toList());
		this.writeCompression = builder.writeCompression;
		this.writeCompressionLevel = builder.writeCompressionLevel;
	}

	/** Starts building a client; every setting has the server's default. */
	public static CnosHttpClientBuilder builder() {
		return new CnosHttpClientBuilder();
	}

	static CnosHttpClient create(CnosHttpClientBuilder builder, NodeSelector nodes, CnosCredentials credentials,
			List<Object> owned) {
		return new CnosHttpClient(builder, nodes, credentials, owned);
	}

	/**
	 * The server's URL, without any user information; for a cluster, the nodes' URLs in
	 * their order, separated by {@code ", "}.
	 */
	public String displayUrl() {
		return this.displayUrl;
	}

	/**
	 * The servers requests go to, in the order they are tried: one, or the nodes of a
	 * cluster.
	 */
	public List<CnosNode> nodes() {
		return this.nodes.nodes();
	}

	/** The user and password requests authenticate with. */
	public CnosCredentials credentials() {
		return this.credentials;
	}

	/**
	 * Closes what this client made for itself: the HTTP client of its default request
	 * factory, its ping client, and whatever its builder was told it
	 * {@linkplain CnosHttpClientBuilder#owning(Object) owns}. A
	 * {@code RestClient.Builder} handed to the builder, and its request factory, belong
	 * to the caller and stay open.
	 */
	@Override
	public void close() {
		CnosResources.closeAll(this.owned);
	}

	/**
	 * Posts a statement and opens the CSV answer for reading; the caller closes it. The
	 * statement's observation ends when its answer is read to its end or closed. Rows
	 * come from one node: a node that fails midway fails the reading, which does not go
	 * on elsewhere.
	 * @param description what is being done, for messages (free of credentials); asked
	 * for only when a message is made
	 */
	public QueryResult query(String sql, String database, String tenant, Supplier<String> description) {
		byte[] body = NodeClient.encode(sql, description);
		return this.nodes.execute((node) -> node.query(body, sql, database, tenant, description), description);
	}

	/** Buffers to encode write bodies into, shared by the templates of this client. */
	public EncodeBuffers encodeBuffers() {
		return this.encodeBuffers;
	}

	/**
	 * Posts the line protocol in {@code bytes[0 .. length)}, compressed as configured,
	 * with a {@code Content-Length}; returns when the server has acknowledged it. The
	 * array is sent as it is, without a copy, where the request factory streams.
	 * @param description what is being done, for messages
	 */
	public void write(byte[] bytes, int length, String database, String tenant, CnosPrecision precision,
			Supplier<String> description) {
		WriteBodies.Body body = (this.writeCompression == CnosWriteCompression.GZIP)
				? WriteBodies.gzip(bytes, length, this.writeCompressionLevel) : new WriteBodies.Body(bytes, length);
		this.nodes.execute((node) -> {
			node.write(body, length, database, tenant, precision, description);
			return null;
		}, description);
	}

	/**
	 * Asks the server whether it is healthy, over a client whose connect and read
	 * timeouts are bounded by the given timeout; sends no credentials. For a cluster, the
	 * node the next statement would go to answers.
	 */
	public CnosPing ping(Duration timeout) {
		return this.nodes.execute((node) -> node.ping(timeout), () -> "pinging the server");
	}

	/**
	 * Runs {@code sql} as the configured user over the same bounded client as
	 * {@link #ping(Duration)}, and reads the answer to its end within the timeout: the
	 * check a health indicator makes that the credentials work, since a ping sends none.
	 */
	public void validate(String sql, String database, String tenant, Duration timeout) {
		this.nodes.execute((node) -> {
			node.validate(sql, database, tenant, timeout);
			return null;
		}, () -> "checking that the user can run " + sql);
	}

}

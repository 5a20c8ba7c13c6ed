package io.cnosdb.spring.autoconfigure;

import java.time.Duration;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.write.CnosWriteCompression;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the CnosDB client, under {@code cnosdb}. The defaults are
 * written out, so the configuration metadata shows them; they equal
 * {@link io.cnosdb.spring.core.support.CnosDefaults}. Once bound, every value is checked,
 * and one that cannot work stops startup with a report naming the property, the value and
 * the rule.
 */
@ConfigurationProperties("cnosdb")
public class CnosDbProperties implements InitializingBean {

	/**
	 * HTTP URL of the CnosDB server.
	 */
	private String url = "http://localhost:8902";

	/**
	 * User to authenticate as with HTTP Basic authentication.
	 */
	private String user = "root";

	/**
	 * Password of the user; may be empty.
	 */
	private String password = "";

	/**
	 * Database that statements and writes address.
	 */
	private String database = "public";

	/**
	 * Tenant that statements and writes address.
	 */
	private String tenant = "cnosdb";

	/**
	 * Time to wait for a connection to the server.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Time to wait for the server's answer to a statement or write.
	 */
	private Duration readTimeout = Duration.ofSeconds(60);

	/**
	 * Most connections to the server at once (Apache HttpClient 5's pool, per host). A
	 * statement waits for a free one at most the connect timeout, then fails naming the
	 * pool.
	 */
	private int maxConnections = 50;

	/**
	 * Longest time a statement may take, from sending it to reading its last row, time
	 * spent in row callbacks and stream steps included. Past it the answer is aborted and
	 * reading fails with a QueryTimeoutException. The read timeout bounds each wait for
	 * data; this bounds an answer that keeps trickling in.
	 */
	private Duration queryTimeout = Duration.ofMinutes(5);

	/**
	 * Most bytes one row of an answer may take (its cells, quotes and commas); a larger
	 * row, such as an endless cell, fails with a DataRetrievalFailureException instead of
	 * exhausting the heap.
	 */
	private DataSize maxRowSize = DataSize.ofMegabytes(64);

	/**
	 * Most rows a list-returning query (queryForList, query with a RowMapper, list())
	 * collects; more fail with a DataRetrievalFailureException. Streams and row callbacks
	 * read any number.
	 */
	private int maxRows = 1000000;

	private final Ssl ssl = new Ssl();

	private final Health health = new Health();

	private final Write write = new Write();

	/**
	 * Checks the bound values.
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
	 * naming the first value that cannot work
	 */
	@Override
	public void afterPropertiesSet() {
		CnosDbPropertiesValidator.validate(this);
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getDatabase() {
		return this.database;
	}

	public void setDatabase(String database) {
		this.database = database;
	}

	public String getTenant() {
		return this.tenant;
	}

	public void setTenant(String tenant) {
		this.tenant = tenant;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public Duration getQueryTimeout() {
		return this.queryTimeout;
	}

	public void setQueryTimeout(Duration queryTimeout) {
		this.queryTimeout = queryTimeout;
	}

	public DataSize getMaxRowSize() {
		return this.maxRowSize;
	}

	public void setMaxRowSize(DataSize maxRowSize) {
		this.maxRowSize = maxRowSize;
	}

	public int getMaxRows() {
		return this.maxRows;
	}

	public void setMaxRows(int maxRows) {
		this.maxRows = maxRows;
	}

	public Write getWrite() {
		return this.write;
	}

	/**
	 * Writes: request compression and the batching writer.
	 */
	public static class Write {

		/**
		 * Compression of write request bodies. Gzip costs more CPU than it saves on fast
		 * links, so use it only on slow ones.
		 */
		private CnosWriteCompression compression = CnosWriteCompression.NONE;

		/**
		 * Gzip level of write request bodies, from 1 (fastest) to 9 (smallest).
		 */
		private int compressionLevel = 1;

		/**
		 * Precision of the timestamps of writes that name none (lines, and the batching
		 * writer): ns, us or ms.
		 */
		private String precision = "ns";

		private final Batch batch = new Batch();

		public CnosWriteCompression getCompression() {
			return this.compression;
		}

		public void setCompression(CnosWriteCompression compression) {
			this.compression = compression;
		}

		public int getCompressionLevel() {
			return this.compressionLevel;
		}

		public void setCompressionLevel(int compressionLevel) {
			this.compressionLevel = compressionLevel;
		}

		public String getPrecision() {
			return this.precision;
		}

		public void setPrecision(String precision) {
			this.precision = precision;
		}

		public Batch getBatch() {
			return this.batch;
		}

	}

	/**
	 * The batching writer ({@link CnosBatchWriter}).
	 */
	public static class Batch {

		/**
		 * Whether to create a CnosBatchWriter bean that batches points and writes them in
		 * the background.
		 */
		private boolean enabled = false;

		/**
		 * Most points per write request.
		 */
		private int size = 5000;

		/**
		 * Size at which a batch is sent even with fewer points.
		 */
		private DataSize maxBytes = DataSize.ofMegabytes(8);

		/**
		 * Most points held by the writer, including those being sent.
		 */
		private int bufferLimit = 100000;

		/**
		 * Most bytes of line protocol held by the writer, including those being sent.
		 */
		private DataSize bufferLimitBytes = DataSize.ofMegabytes(64);

		/**
		 * Longest time a point waits before its batch is sent.
		 */
		private Duration flushInterval = Duration.ofSeconds(1);

		/**
		 * How many times a batch that failed transiently (I/O error, timeout, HTTP 5xx,
		 * rate limit) is sent again before it goes to the failure handler.
		 */
		private int maxRetries = 5;

		/**
		 * Backoff before the first retry; doubled for each next one, with jitter.
		 */
		private Duration retryBackoffInitial = Duration.ofMillis(200);

		/**
		 * Longest backoff between retries.
		 */
		private Duration retryBackoffMax = Duration.ofSeconds(10);

		/**
		 * What a write does when the buffer is full: wait for room up to the block
		 * timeout, or fail at once.
		 */
		private CnosBatchWriter.Backpressure backpressure = CnosBatchWriter.Backpressure.BLOCK;

		/**
		 * How long a write waits for room in a full buffer before failing.
		 */
		private Duration blockTimeout = Duration.ofSeconds(30);

		/**
		 * Longest time closing the writer (at shutdown) waits for buffered points to be
		 * sent; past it, unsent batches go to the failure handler.
		 */
		private Duration closeTimeout = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public int getBufferLimit() {
			return this.bufferLimit;
		}

		public void setBufferLimit(int bufferLimit) {
			this.bufferLimit = bufferLimit;
		}

		public DataSize getBufferLimitBytes() {
			return this.bufferLimitBytes;
		}

		public void setBufferLimitBytes(DataSize bufferLimitBytes) {
			this.bufferLimitBytes = bufferLimitBytes;
		}

		public Duration getFlushInterval() {
			return this.flushInterval;
		}

		public void setFlushInterval(Duration flushInterval) {
			this.flushInterval = flushInterval;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getRetryBackoffInitial() {
			return this.retryBackoffInitial;
		}

		public void setRetryBackoffInitial(Duration retryBackoffInitial) {
			this.retryBackoffInitial = retryBackoffInitial;
		}

		public Duration getRetryBackoffMax() {
			return this.retryBackoffMax;
		}

		public void setRetryBackoffMax(Duration retryBackoffMax) {
			this.retryBackoffMax = retryBackoffMax;
		}

		public CnosBatchWriter.Backpressure getBackpressure() {
			return this.backpressure;
		}

		public void setBackpressure(CnosBatchWriter.Backpressure backpressure) {
			this.backpressure = backpressure;
		}

		public Duration getCloseTimeout() {
			return this.closeTimeout;
		}

		public void setCloseTimeout(Duration closeTimeout) {
			this.closeTimeout = closeTimeout;
		}

		public Duration getBlockTimeout() {
			return this.blockTimeout;
		}

		public void setBlockTimeout(Duration blockTimeout) {
			this.blockTimeout = blockTimeout;
		}

	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * TLS settings of the connection to CnosDB.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) that holds the trust material for
		 * an https URL. Without one, the JVM's default trust store applies.
		 */
		private String bundle;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Settings of the CnosDB health indicator.
	 */
	public static class Health {

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

}

package io.cnosdb.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosDefaults;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
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
	 * HTTP URL of the CnosDB server. Cannot be combined with cnosdb.urls.
	 */
	private @Nullable String url;

	/**
	 * HTTP URLs of the nodes of a CnosDB cluster, each serving the same HTTP API, in the
	 * order they are tried: each request goes to the first available node, and on to the
	 * next when it cannot have reached its node. Cannot be combined with cnosdb.url.
	 */
	private List<String> urls = new ArrayList<>();

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

	@NestedConfigurationProperty
	private final CnosDbSslProperties ssl = new CnosDbSslProperties();

	@NestedConfigurationProperty
	private final CnosDbHealthProperties health = new CnosDbHealthProperties();

	@NestedConfigurationProperty
	private final CnosDbWriteProperties write = new CnosDbWriteProperties();

	@NestedConfigurationProperty
	private final CnosDbFailoverProperties failover = new CnosDbFailoverProperties();

	/**
	 * Checks the bound values.
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
	 * naming the first value that cannot work
	 */
	@Override
	public void afterPropertiesSet() {
		CnosDbPropertiesValidator.validate(this);
	}

	/**
	 * The URL of {@code cnosdb.url}, or by default {@code http://localhost:8902}.
	 */
	public String getUrl() {
		return (this.url != null) ? this.url : CnosDefaults.URL;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	/** The URL as configured, {@code null} where {@code cnosdb.url} is not set. */
	@Nullable String getConfiguredUrl() {
		return this.url;
	}

	public List<String> getUrls() {
		return this.urls;
	}

	public void setUrls(List<String> urls) {
		this.urls = urls;
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

	public CnosDbWriteProperties getWrite() {
		return this.write;
	}

	public CnosDbSslProperties getSsl() {
		return this.ssl;
	}

	public CnosDbHealthProperties getHealth() {
		return this.health;
	}

	public CnosDbFailoverProperties getFailover() {
		return this.failover;
	}

}

package io.cnosdb.spring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the CnosDB client, under {@code cnosdb}. The defaults are
 * written out, so the configuration metadata shows them; they equal
 * {@link io.cnosdb.spring.core.CnosDefaults}.
 */
@ConfigurationProperties("cnosdb")
public class CnosDbProperties {

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
	 * Precision of the timestamps in lines written without an explicit precision: ns, us or ms.
	 */
	private String writePrecision = "ns";

	private final Ssl ssl = new Ssl();

	private final Health health = new Health();

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

	public String getWritePrecision() {
		return this.writePrecision;
	}

	public void setWritePrecision(String writePrecision) {
		this.writePrecision = writePrecision;
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
		 * Name of the SSL bundle (spring.ssl.bundle.*) that holds the trust material for an
		 * https URL. Without one, the JVM's default trust store applies.
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

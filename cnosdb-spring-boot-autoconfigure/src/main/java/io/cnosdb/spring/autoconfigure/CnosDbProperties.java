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

}

package io.cnosdb.spring.autoconfigure.schema;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Schema set-up at startup, under {@code cnosdb.schema}: SQL scripts run once, in order,
 * in {@code cnosdb.database} and {@code cnosdb.tenant}, before the beans that use CnosDB,
 * named and behaving as Spring Boot's {@code spring.sql.init} properties do. CnosDB runs
 * {@code CREATE DATABASE} in a database that does not exist yet, so a script may create
 * {@code cnosdb.database} itself.
 */
@ConfigurationProperties("cnosdb.schema")
public class CnosDbSchemaProperties implements InitializingBean {

	/**
	 * Locations of the SQL scripts to run at startup, in order, such as
	 * classpath:cnosdb/schema.sql. A location that finds no script fails startup unless
	 * it starts with optional:. Placeholders such as ${name} are resolved inside quotes,
	 * their values quoted as the text around them.
	 */
	private List<String> locations = new ArrayList<>();

	/**
	 * Whether to run the scripts: always, or never. CnosDB is a server, so embedded is
	 * refused.
	 */
	private DatabaseInitializationMode mode = DatabaseInitializationMode.ALWAYS;

	/**
	 * Whether startup continues when a statement fails. Each failure is then logged, and
	 * once CnosDB is unavailable (no answer, a timeout, HTTP 502, 503 or 504) the
	 * remaining statements are skipped.
	 */
	private boolean continueOnError = false;

	/**
	 * Statement separator in the scripts.
	 */
	private String separator = ";";

	/**
	 * Encoding of the scripts.
	 */
	private Charset encoding = StandardCharsets.UTF_8;

	/**
	 * Checks the bound values.
	 * @throws InvalidConfigurationPropertyValueException naming the first value that
	 * cannot work
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.mode == DatabaseInitializationMode.EMBEDDED) {
			throw new InvalidConfigurationPropertyValueException("cnosdb.schema.mode", "embedded",
					"must be always or never: CnosDB is a server, never an embedded database");
		}
		if (this.separator == null || this.separator.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException("cnosdb.schema.separator", "", "must not be empty");
		}
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public DatabaseInitializationMode getMode() {
		return this.mode;
	}

	public void setMode(DatabaseInitializationMode mode) {
		this.mode = mode;
	}

	public boolean isContinueOnError() {
		return this.continueOnError;
	}

	public void setContinueOnError(boolean continueOnError) {
		this.continueOnError = continueOnError;
	}

	public String getSeparator() {
		return this.separator;
	}

	public void setSeparator(String separator) {
		this.separator = separator;
	}

	public Charset getEncoding() {
		return this.encoding;
	}

	public void setEncoding(Charset encoding) {
		this.encoding = encoding;
	}

}

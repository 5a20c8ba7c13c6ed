package io.cnosdb.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosDefaults;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where and as whom to connect to CnosDB: one server, or the nodes of a cluster
 * ({@link #getUrls()}). By default read from {@code cnosdb.*} properties; a
 * Testcontainers or Docker Compose service connection, or a bean of the application's
 * own, replaces them.
 */
public interface CnosDbConnectionDetails extends ConnectionDetails {

	/** The server's HTTP URL, such as {@code http://localhost:8902}. */
	String getUrl();

	/**
	 * The HTTP URLs of the servers to send to, in the order they are tried: the nodes of
	 * a cluster, or by default the one URL of {@link #getUrl()}.
	 */
	default List<String> getUrls() {
		return List.of(getUrl());
	}

	/** The user to authenticate as. */
	default String getUser() {
		return CnosDefaults.USER;
	}

	/** The user's password, possibly empty. */
	default String getPassword() {
		return CnosDefaults.PASSWORD;
	}

	/**
	 * The trust (and key) material for an {@code https} URL, or {@code null} for the
	 * JVM's defaults.
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

}

package io.cnosdb.spring.core.http;

import java.net.URI;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.observation.CnosObservationContext;
import io.cnosdb.spring.core.observation.CnosObservationConvention;
import io.cnosdb.spring.core.observation.CnosObservationDocumentation;
import io.cnosdb.spring.core.observation.DefaultCnosObservationConvention;

/**
 * Makes the observations of a client's requests. With a registry that observes nothing
 * (the default, {@link ObservationRegistry#NOOP}) each request gets
 * {@link Observation#NOOP} at the cost of one check: no context is made, no statement
 * scanned.
 */
final class ClientObservations {

	private static final DefaultCnosObservationConvention DEFAULT_CONVENTION = new DefaultCnosObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable CnosObservationConvention convention;

	private final String url;

	private final String serverAddress;

	private final int serverPort;

	ClientObservations(ObservationRegistry registry, @Nullable CnosObservationConvention convention, String url) {
		this.registry = registry;
		this.convention = convention;
		this.url = url;
		URI uri = parse(url);
		String host = (uri != null) ? uri.getHost() : null;
		this.serverAddress = (host != null) ? host : url;
		this.serverPort = (uri != null) ? port(uri) : -1;
	}

	/** The observation of a statement; not started. */
	Observation statement(String sql, String database, String tenant) {
		if (this.registry.isNoop()) {
			return Observation.NOOP;
		}
		return observation(
				() -> CnosObservationContext.statement(sql, database, tenant, this.serverAddress, this.serverPort));
	}

	/**
	 * The observation of a write of {@code bytes} bytes of line protocol; not started.
	 */
	Observation write(String database, String tenant, long bytes) {
		if (this.registry.isNoop()) {
			return Observation.NOOP;
		}
		return observation(
				() -> CnosObservationContext.write(database, tenant, bytes, this.serverAddress, this.serverPort));
	}

	/** The observation of a ping; not started. */
	Observation ping() {
		if (this.registry.isNoop()) {
			return Observation.NOOP;
		}
		return observation(() -> CnosObservationContext.ping(this.serverAddress, this.serverPort));
	}

	private Observation observation(Supplier<CnosObservationContext> context) {
		return CnosObservationDocumentation.REQUEST.observation(this.convention, DEFAULT_CONVENTION, () -> {
			CnosObservationContext made = context.get();
			made.setRemoteServiceAddress(this.url);
			return made;
		}, this.registry);
	}

	private static @Nullable URI parse(String url) {
		try {
			return URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

}

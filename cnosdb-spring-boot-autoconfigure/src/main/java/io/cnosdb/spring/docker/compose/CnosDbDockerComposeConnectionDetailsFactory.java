package io.cnosdb.spring.docker.compose;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.autoconfigure.CnosDbConnectionDetails;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.ssl.SslBundle;

/**
 * {@link DockerComposeConnectionDetailsFactory} for a Docker Compose service running the
 * {@code cnosdb/cnosdb} image (or labelled
 * {@code org.springframework.boot.service-connection: cnosdb/cnosdb}): connects to its
 * HTTP port {@value #HTTP_PORT} as {@code root} with an empty password, which the image's
 * default configuration (authentication disabled) accepts. The image has no environment
 * variable that creates users, so none is read. SSL labels
 * ({@code org.springframework.boot.sslbundle.*}) switch the URL to {@code https}.
 * Package-private, as Spring Boot's own factories are: Spring Boot finds it through
 * {@code META-INF/spring.factories}.
 */
class CnosDbDockerComposeConnectionDetailsFactory
		extends DockerComposeConnectionDetailsFactory<CnosDbConnectionDetails> {

	private static final String[] CONNECTION_NAMES = { "cnosdb/cnosdb" };

	/** The HTTP API port inside the container. */
	static final int HTTP_PORT = 8902;

	CnosDbDockerComposeConnectionDetailsFactory() {
		super(CONNECTION_NAMES, "io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration");
	}

	@Override
	protected CnosDbConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new CnosDbDockerComposeConnectionDetails(source.getRunningService());
	}

	/** Connection details of a running CnosDB service. */
	static final class CnosDbDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements CnosDbConnectionDetails {

		private final String url;

		private final @Nullable SslBundle sslBundle;

		CnosDbDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.sslBundle = getSslBundle(service);
			this.url = ((this.sslBundle != null) ? "https://" : "http://") + service.host() + ":"
					+ service.ports().get(HTTP_PORT);
		}

		@Override
		public String getUrl() {
			return this.url;
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return this.sslBundle;
		}

	}

}

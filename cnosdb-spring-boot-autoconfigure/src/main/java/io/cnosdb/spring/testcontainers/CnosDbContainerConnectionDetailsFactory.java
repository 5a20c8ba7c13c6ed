package io.cnosdb.spring.testcontainers;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.autoconfigure.CnosDbConnectionDetails;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link ContainerConnectionDetailsFactory} for a {@code @ServiceConnection} on a
 * {@link CnosDbContainer}, matched by type whatever its image name. Package-private, as
 * Spring Boot's own factories are: Spring Boot finds it through
 * {@code META-INF/spring.factories}.
 */
class CnosDbContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<CnosDbContainer, CnosDbConnectionDetails> {

	CnosDbContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration");
	}

	@Override
	protected CnosDbConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<CnosDbContainer> source) {
		return new CnosDbContainerConnectionDetails(source);
	}

	/**
	 * The details of a {@link CnosDbContainer}, read only when asked, so the container
	 * starts only when needed.
	 */
	static final class CnosDbContainerConnectionDetails extends ContainerConnectionDetails<CnosDbContainer>
			implements CnosDbConnectionDetails {

		CnosDbContainerConnectionDetails(ContainerConnectionSource<CnosDbContainer> source) {
			super(source);
		}

		@Override
		public String getUrl() {
			CnosDbContainer container = getContainer();
			return ((getSslBundle() != null) ? "https://" : "http://") + container.getHost() + ":"
					+ container.getMappedPort(CnosDbContainer.HTTP_PORT);
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

	}

}

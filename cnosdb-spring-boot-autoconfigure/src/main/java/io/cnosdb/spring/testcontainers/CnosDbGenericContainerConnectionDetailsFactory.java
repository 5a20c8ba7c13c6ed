package io.cnosdb.spring.testcontainers;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Container;

import io.cnosdb.spring.autoconfigure.CnosDbConnectionDetails;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link ContainerConnectionDetailsFactory} for a {@code @ServiceConnection} on any
 * container of the {@code cnosdb/cnosdb} image, such as a plain {@code GenericContainer}
 * (a {@code @Bean} method needs {@code @ServiceConnection(name = "cnosdb/cnosdb")}). A
 * {@link CnosDbContainer} is left to {@link CnosDbContainerConnectionDetailsFactory}, so
 * it gets one connection, not two. Package-private, as Spring Boot's own factories are:
 * Spring Boot finds it through {@code META-INF/spring.factories}.
 */
class CnosDbGenericContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, CnosDbConnectionDetails> {

	private static final String CONNECTION_NAME = "cnosdb/cnosdb";

	CnosDbGenericContainerConnectionDetailsFactory() {
		super(CONNECTION_NAME, "io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration");
	}

	@Override
	protected boolean sourceAccepts(ContainerConnectionSource<Container<?>> source, Class<?> requiredContainerType,
			Class<?> requiredConnectionDetailsType) {
		return super.sourceAccepts(source, requiredContainerType, requiredConnectionDetailsType)
				&& !source.accepts(ANY_CONNECTION_NAME, CnosDbContainer.class, requiredConnectionDetailsType);
	}

	@Override
	protected CnosDbConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new GenericContainerConnectionDetails(source);
	}

	/**
	 * The details of a container of the image, read only when asked, so the container
	 * starts only when needed.
	 */
	static final class GenericContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements CnosDbConnectionDetails {

		GenericContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public String getUrl() {
			Container<?> container = getContainer();
			return ((getSslBundle() != null) ? "https://" : "http://") + container.getHost() + ":"
					+ container.getMappedPort(CnosDbContainer.HTTP_PORT);
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

	}

}

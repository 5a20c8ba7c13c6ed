package io.cnosdb.spring.testcontainers;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A CnosDB server in a container, started in singleton mode as the image does by default:
 * the HTTP API on port {@value #HTTP_PORT} (SQL, writes, ping) and Arrow Flight SQL on
 * port {@value #FLIGHT_SQL_PORT}. Ready once {@code GET /api/v1/ping} answers 200.
 * <p>
 * The image ships with authentication disabled, so the client's default user {@code root}
 * with an empty password works. With {@code @ServiceConnection} the auto-configured
 * {@code CnosTemplate} connects to it.
 */
public class CnosDbContainer extends GenericContainer<CnosDbContainer> {

	/**
	 * The image this container runs unless told otherwise, and what other images must be
	 * compatible with.
	 */
	public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("cnosdb/cnosdb");

	/** The tag of the default image. */
	public static final String DEFAULT_TAG = "community-latest";

	/** The HTTP API port inside the container. */
	public static final int HTTP_PORT = 8902;

	/** The Arrow Flight SQL port inside the container. */
	public static final int FLIGHT_SQL_PORT = 8904;

	/** Creates a container of {@code cnosdb/cnosdb:community-latest}. */
	public CnosDbContainer() {
		this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
	}

	/**
	 * Creates a container of the given image.
	 * @param dockerImageName an image name such as {@code cnosdb/cnosdb:community-2.4.3}
	 */
	public CnosDbContainer(String dockerImageName) {
		this(DockerImageName.parse(dockerImageName));
	}

	/**
	 * Creates a container of the given image, which must be {@code cnosdb/cnosdb} or
	 * declared a compatible substitute for it.
	 * @param dockerImageName the image
	 */
	public CnosDbContainer(DockerImageName dockerImageName) {
		super(dockerImageName);
		dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
		withExposedPorts(HTTP_PORT, FLIGHT_SQL_PORT);
		// No telemetry from test servers (environment overrides exist since CnosDB
		// 2.4.2).
		withEnv("CNOSDB_SERVICE_ENABLE_REPORT", "false");
		waitingFor(Wait.forHttp("/api/v1/ping").forPort(HTTP_PORT).forStatusCode(200));
		withStartupTimeout(Duration.ofMinutes(3));
	}

	/**
	 * The HTTP API URL as reached from the test, such as {@code http://localhost:32768}.
	 */
	public String getHttpUrl() {
		return "http://" + getHost() + ":" + getMappedPort(HTTP_PORT);
	}

	/** The mapped Arrow Flight SQL port. */
	public int getFlightSqlPort() {
		return getMappedPort(FLIGHT_SQL_PORT);
	}

	/**
	 * The Arrow Flight SQL JDBC URL, such as
	 * {@code jdbc:arrow-flight-sql://localhost:32769?useEncryption=false}.
	 */
	public String getFlightSqlUrl() {
		return "jdbc:arrow-flight-sql://" + getHost() + ":" + getFlightSqlPort() + "?useEncryption=false";
	}

}

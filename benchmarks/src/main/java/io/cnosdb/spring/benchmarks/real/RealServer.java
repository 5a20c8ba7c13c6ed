package io.cnosdb.spring.benchmarks.real;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cnosdb.spring.core.CnosTemplate;

/**
 * The running CnosDB that B6 and B7 measure against, named by {@code CNOSDB_URL} (a
 * system property or an environment variable, as for the integration tests), with
 * {@code CNOSDB_USER} (default {@code root}) and {@code CNOSDB_PASSWORD} (default empty).
 * The server must run on this machine's loopback: the ceiling's socket and the peer's
 * process talk to it there.
 *
 * @param url the server's URL, such as {@code http://127.0.0.1:8902}
 * @param user the user
 * @param password the password, never printed
 */
record RealServer(String url, String user, String password) {

	/** The server the environment names, or empty (the suites then say so and skip). */
	static Optional<RealServer> fromEnvironment() {
		return setting("CNOSDB_URL").map((url) -> new RealServer(url.replaceAll("/+$", ""),
				setting("CNOSDB_USER").orElse("root"), setting("CNOSDB_PASSWORD").orElse("")));
	}

	/**
	 * The server the environment names; without one, says that the suite is skipped and
	 * why.
	 */
	static Optional<RealServer> forSuite(String suite) {
		Optional<RealServer> server = fromEnvironment();
		if (server.isEmpty()) {
			System.out.println(
					suite + " SKIPPED: set CNOSDB_URL (and CNOSDB_USER, CNOSDB_PASSWORD) to a CnosDB on " + "loopback");
		}
		return server;
	}

	/**
	 * Runs a child process that prints {@code key value} lines (a {@link StreamProbe} or
	 * the connector's script), with the credentials in its environment, never on its
	 * command line, and returns those values.
	 */
	Map<String, Long> runChild(List<String> command, String what) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("CNOSDB_USER", this.user);
		builder.environment().put("CNOSDB_PASSWORD", this.password);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IOException(what + " failed; it printed: " + out);
		}
		Map<String, Long> values = new HashMap<>();
		out.lines()
			.map((line) -> line.split(" "))
			.filter((parts) -> parts.length == 2)
			.forEach((parts) -> values.put(parts[0], Long.parseLong(parts[1])));
		return values;
	}

	private static Optional<String> setting(String name) {
		String value = System.getProperty(name, System.getenv(name));
		return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(value.trim());
	}

	/** A template for the database, built as the starter builds one. */
	CnosTemplate template(String database) {
		return CnosTemplate.builder().url(this.url).credentials(this.user, this.password).database(database).build();
	}

	int port() {
		return URI.create(this.url).getPort();
	}

	/**
	 * The {@code Authorization} header line, ending in CRLF, for bare-socket requests.
	 */
	String authorizationHeader() {
		return "Authorization: " + basicCredentials() + "\r\n";
	}

	String basicCredentials() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
	}

	/** The server, without its credentials, for the reports. */
	@Override
	public String toString() {
		return String.format(Locale.ROOT, "CnosDB at %s (user %s)", this.url, this.user);
	}

}

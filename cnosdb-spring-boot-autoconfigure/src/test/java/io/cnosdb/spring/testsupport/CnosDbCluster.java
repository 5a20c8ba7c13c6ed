package io.cnosdb.spring.testsupport;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real CnosDB cluster that the cluster tests run against, as a JUnit extension on a
 * static field, and the commands that kill and start its nodes. It is found by three
 * settings, each read from a system property of that name first and from the environment
 * second:
 * <ul>
 * <li>{@code CNOSDB_CLUSTER_URLS}: the HTTP URLs of its data (query) nodes, separated by
 * commas;</li>
 * <li>{@code CNOSDB_CLUSTER_KILL_NODE}: a shell command that kills a node at once, as a
 * crash does (SIGKILL);</li>
 * <li>{@code CNOSDB_CLUSTER_START_NODE}: a shell command that starts it again and returns
 * once it answers.</li>
 * </ul>
 * Each command is run with {@code /bin/sh -c}, given the node's position in
 * {@code CNOSDB_CLUSTER_URLS} (from 1) as {@code $1} and in place of {@code {node}}.
 * {@code CNOSDB_USER} and {@code CNOSDB_PASSWORD} name the user, as for one server.
 * Without all three the test class is skipped with a reason that says how to run it; the
 * {@link SkippedTestsReport} prints it.
 */
public final class CnosDbCluster implements ExecutionCondition {

	/** The reason a test class is skipped without a cluster. */
	public static final String NO_CLUSTER = "No CnosDB cluster to test against: set CNOSDB_CLUSTER_URLS (the data "
			+ "nodes' HTTP URLs, separated by commas), CNOSDB_CLUSTER_KILL_NODE and CNOSDB_CLUSTER_START_NODE (shell "
			+ "commands given the node's position from 1 as $1 or {node}), as system properties or environment "
			+ "variables";

	/** The longest a command may take: a node takes a while to start and elect. */
	private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

	private final Function<String, @Nullable String> settings;

	public CnosDbCluster() {
		this(CnosDbCluster::setting);
	}

	CnosDbCluster(Function<String, @Nullable String> settings) {
		this.settings = settings;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (urls().size() < 2 || command("CNOSDB_CLUSTER_KILL_NODE") == null
				|| command("CNOSDB_CLUSTER_START_NODE") == null) {
			return ConditionEvaluationResult.disabled(NO_CLUSTER);
		}
		return ConditionEvaluationResult.enabled("CnosDB cluster at " + String.join(", ", urls()));
	}

	/** The data nodes' HTTP URLs, in the order given. */
	public List<String> urls() {
		String urls = this.settings.apply("CNOSDB_CLUSTER_URLS");
		if (urls == null || urls.isBlank()) {
			return List.of();
		}
		return Arrays.stream(urls.split(",")).map(String::strip).filter((url) -> !url.isEmpty()).toList();
	}

	/** The user to connect as. */
	public String user() {
		String user = this.settings.apply("CNOSDB_USER");
		return (user != null && !user.isEmpty()) ? user : "root";
	}

	/** The user's password; may be empty. */
	public String password() {
		String password = this.settings.apply("CNOSDB_PASSWORD");
		return (password != null) ? password : "";
	}

	/** Kills the node at the position (from 1), as a crash does. */
	public void kill(int node) {
		run("CNOSDB_CLUSTER_KILL_NODE", node);
	}

	/** Starts the node at the position (from 1) again; returns once it answers. */
	public void start(int node) {
		run("CNOSDB_CLUSTER_START_NODE", node);
	}

	private void run(String setting, int node) {
		String command = command(setting);
		if (command == null) {
			throw new IllegalStateException(setting + " is not set");
		}
		String position = Integer.toString(node);
		ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command.replace("{node}", position), "sh",
				position)
			.inheritIO();
		try {
			Process process = builder.start();
			if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						setting + " for node " + node + " did not end within " + COMMAND_TIMEOUT);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						setting + " for node " + node + " failed with exit code " + process.exitValue());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + setting + " for node " + node, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + setting, ex);
		}
	}

	private @Nullable String command(String setting) {
		String command = this.settings.apply(setting);
		return (command != null && !command.isBlank()) ? command : null;
	}

	private static @Nullable String setting(String name) {
		String value = System.getProperty(name);
		return (value != null) ? value : System.getenv(name);
	}

}

package io.cnosdb.spring.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The commands that stop and start the CnosDB named by {@code CNOSDB_URL}, for tests that
 * need the server to go away and come back: {@code CNOSDB_STOP_COMMAND} and
 * {@code CNOSDB_START_COMMAND}, shell commands read from a system property of that name
 * first and from the environment second, run with {@code /bin/sh -c}. The stop command
 * returns once the server no longer answers; the start command may return at once (the
 * test waits for the server's ping). A test class that needs them is skipped, saying so,
 * where either is missing.
 */
public final class ServerCommands implements ExecutionCondition {

	/** The reason a test class is skipped without the commands. */
	public static final String NO_COMMANDS = "No commands to stop and start CnosDB: set CNOSDB_URL, "
			+ "CNOSDB_STOP_COMMAND and CNOSDB_START_COMMAND (shell commands, as system properties or "
			+ "environment variables) to run the spool's crash test against a real server";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return (setting("CNOSDB_URL") != null && setting("CNOSDB_STOP_COMMAND") != null
				&& setting("CNOSDB_START_COMMAND") != null)
						? ConditionEvaluationResult.enabled("Commands to stop and start CnosDB given")
						: ConditionEvaluationResult.disabled(NO_COMMANDS);
	}

	/** Runs the stop command to its end. */
	public void stop() throws IOException, InterruptedException {
		run("CNOSDB_STOP_COMMAND");
	}

	/** Runs the start command to its end. */
	public void start() throws IOException, InterruptedException {
		run("CNOSDB_START_COMMAND");
	}

	private static void run(String name) throws IOException, InterruptedException {
		String command = setting(name);
		if (command == null) {
			throw new IllegalStateException(name + " is not set");
		}
		// Into a file, not a pipe: a server the command starts in the background keeps
		// its output open, and reading a pipe to its end would wait for the server.
		Path log = Files.createTempFile("cnosdb-command", ".log");
		Process process = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(name + " did not finish in 2 minutes");
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Files.deleteIfExists(log);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + ": " + output);
		}
	}

	private static @Nullable String setting(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			value = System.getenv(name);
		}
		return (value != null && !value.isBlank()) ? value : null;
	}

}

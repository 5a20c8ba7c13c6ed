package io.cnosdb.spring.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the spool's crash test: a {@link SpoolCrashChild} that writes until it is
 * killed with {@code SIGKILL}, then one that drains the spool it left. Says how many
 * writes returned before the kill (the child's counter file) and how many points the
 * second child found in the spool.
 */
public final class SpoolCrashRun {

	private final String url;

	private final String database;

	private final Path directory;

	private final long maxPoints;

	private final long base;

	private long accepted;

	private long recovered = -1;

	/**
	 * A run whose points are {@code crash v=<i>i <base + i>}.
	 */
	public SpoolCrashRun(String url, String database, Path directory, long maxPoints, long base) {
		this.url = url;
		this.database = database;
		this.directory = directory;
		this.maxPoints = maxPoints;
		this.base = base;
	}

	/**
	 * Starts the writing child and returns once its first write returned.
	 */
	public Process startWriting() throws IOException, InterruptedException {
		Process child = start("write");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (readCounter() == 0) {
			if (!child.isAlive() || System.nanoTime() > deadline) {
				child.destroyForcibly();
				throw new IllegalStateException("The writing child did not start writing: " + output("write"));
			}
			Thread.sleep(5);
		}
		return child;
	}

	/** Kills the child with SIGKILL and reads how many of its writes returned. */
	public void kill(Process child) throws IOException, InterruptedException {
		child.destroyForcibly();
		child.waitFor(30, TimeUnit.SECONDS);
		this.accepted = readCounter();
	}

	/** Runs the draining child to its end. */
	public void drain(Duration timeout) throws IOException, InterruptedException {
		Process child = start("drain");
		if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			child.destroyForcibly();
			throw new IllegalStateException("The draining child did not finish in " + timeout);
		}
		String output = output("drain");
		if (child.exitValue() != 0) {
			throw new IllegalStateException("The draining child failed: " + output);
		}
		for (String line : output.split("\n")) {
			if (line.startsWith("recovered=")) {
				this.recovered = Long.parseLong(line.substring("recovered=".length()).strip());
			}
		}
	}

	/** How many writes returned before the kill. */
	public long accepted() {
		return this.accepted;
	}

	/** How many points the draining child found in the spool. */
	public long recovered() {
		return this.recovered;
	}

	private Process start(String mode) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(
				List.of(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
						SpoolCrashChild.class.getName(), mode, this.url, this.database, this.directory.toString(),
						counterFile().toString(), Long.toString(this.maxPoints), Long.toString(this.base)));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(mode).toFile()).start();
	}

	/** What a child printed, its log included. */
	public String output(String mode) throws IOException {
		Path log = log(mode);
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
	}

	private Path log(String mode) {
		return this.directory.resolveSibling(this.directory.getFileName() + "-" + mode + ".log");
	}

	private Path counterFile() {
		return this.directory.resolveSibling(this.directory.getFileName() + ".counter");
	}

	private long readCounter() throws IOException {
		Path file = counterFile();
		if (!Files.exists(file)) {
			return 0;
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
			return (channel.read(buffer, 0) == Long.BYTES) ? buffer.getLong(0) : 0;
		}
	}

}

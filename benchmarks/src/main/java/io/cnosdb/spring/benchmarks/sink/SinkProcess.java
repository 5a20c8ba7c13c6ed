package io.cnosdb.spring.benchmarks.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link HttpSink} in a JVM of its own, started from this JVM's executable and class
 * path, with its counters read and reset over HTTP. Close it to kill the process.
 */
public final class SinkProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final HttpClient control = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private SinkProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts a sink and waits until it listens. */
	public static SinkProcess start(HttpSink.Mode mode) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				HttpSink.class.getName(), mode.name());
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		// Should the benchmark die, the sink goes with it rather than listening on.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (line == null || !line.startsWith("listening ")) {
			process.destroyForcibly();
			throw new IOException("The sink did not start; it said: " + line);
		}
		return new SinkProcess(process, Integer.parseInt(line.substring("listening ".length()).trim()));
	}

	/** The loopback port the sink listens on. */
	public int port() {
		return this.port;
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Zeroes the counters. */
	public void reset() throws IOException, InterruptedException {
		send(HttpRequest.newBuilder(URI.create(url() + "/reset")).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	/** The counters since the last reset. */
	public Stats stats() throws IOException, InterruptedException {
		String[] values = send(HttpRequest.newBuilder(URI.create(url() + "/stats")).GET().build()).trim().split(" ");
		return new Stats(Long.parseLong(values[0]), Long.parseLong(values[1]), Long.parseLong(values[2]),
				Long.parseLong(values[3]));
	}

	private String send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.control.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IOException("The sink answered " + response.statusCode() + " to " + request.uri());
		}
		return response.body();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * What the sink received since the last reset.
	 *
	 * @param lines line-protocol lines (0 in discard mode)
	 * @param bytes body bytes
	 * @param requests requests answered
	 * @param connections connections opened
	 */
	public record Stats(long lines, long bytes, long requests, long connections) {

	}

}

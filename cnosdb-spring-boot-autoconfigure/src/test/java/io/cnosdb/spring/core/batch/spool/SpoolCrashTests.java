package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cnosdb.spring.testsupport.SpoolCrashRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spool's crash test: an application writes points at full speed into a batch writer
 * with a spool while the server is down, refuses, hangs after acknowledging a few
 * batches, or answers slowly; it is killed with {@code SIGKILL} at a random moment, and a
 * second one, started on the same spool with the server up, sends what the first left.
 * Every point whose write returned must then be on the server; duplicates (a batch the
 * server received but whose answer the killed writer never read) are counted.
 */
class SpoolCrashTests {

	private static final long MAX_POINTS = 2_000_000;

	@TempDir
	Path temporary;

	@Test
	void noPointWhoseWriteReturnedIsLostWhenTheWriterIsKilled() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<Figures> runs = new ArrayList<>();
		Mode[] modes = { Mode.DOWN, Mode.REFUSING, Mode.HANGING, Mode.SLOW, Mode.DOWN, Mode.SLOW };
		for (int i = 0; i < modes.length; i++) {
			runs.add(run(i + 1, modes[i], 100 + random.nextInt(900)));
		}
		System.out.println("Spool crash test (seed " + seed + "):");
		System.out.println("run  server     killed after  accepted  on server  recovered  duplicates  lost");
		runs.forEach((figures) -> System.out.println(figures));
		assertThat(runs).allSatisfy((figures) -> {
			assertThat(figures.accepted()).as("points accepted in run %d", figures.run()).isPositive();
			assertThat(figures.lost()).as("points lost in run %d", figures.run()).isZero();
			assertThat(figures.recovered()).as("points recovered in run %d", figures.run())
				.isGreaterThanOrEqualTo(figures.accepted() - figures.acknowledgedBeforeKill());
		});
	}

	private Figures run(int run, Mode mode, int killAfterMillis) throws Exception {
		int port = freePort();
		RecordingServer server = new RecordingServer((int) MAX_POINTS, mode);
		try {
			if (mode != Mode.DOWN) {
				server.start(port);
			}
			SpoolCrashRun crash = new SpoolCrashRun("http://127.0.0.1:" + port, "crash",
					this.temporary.resolve("spool-" + run), MAX_POINTS, 0);
			Process writing = crash.startWriting();
			Thread.sleep(killAfterMillis);
			crash.kill(writing);
			long acknowledgedBeforeKill = server.distinct();
			server.mode = Mode.UP;
			server.hanging.countDown();
			if (mode == Mode.DOWN) {
				server.start(port);
			}
			crash.drain(Duration.ofMinutes(2));
			return server.figures(run, mode, killAfterMillis, crash.accepted(), crash.recovered(),
					acknowledgedBeforeKill);
		}
		finally {
			server.stop();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** How the server behaves while the first writer runs; {@code UP} after. */
	enum Mode {

		/** Nothing listens: every write fails to connect. */
		DOWN,

		/** Every write is answered 503. */
		REFUSING,

		/** The first writes are acknowledged, the next received but never answered. */
		HANGING,

		/** Every write is acknowledged after 20 ms. */
		SLOW,

		/** Every write is acknowledged at once. */
		UP

	}

	/** A loopback CnosDB that counts how often it received each point. */
	static final class RecordingServer {

		private static final int ACKNOWLEDGED_BEFORE_HANGING = 3;

		private final int[] received;

		private final AtomicInteger requests = new AtomicInteger();

		private final CountDownLatch hanging = new CountDownLatch(1);

		private final ExecutorService executor = Executors.newCachedThreadPool();

		private volatile Mode mode;

		private HttpServer server;

		RecordingServer(int maxPoints, Mode mode) {
			this.received = new int[maxPoints];
			this.mode = mode;
		}

		void start(int port) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			this.server.createContext("/api/v1/write", this::write);
			this.server.setExecutor(this.executor);
			this.server.start();
		}

		private void write(HttpExchange exchange) throws IOException {
			try (exchange; InputStream body = exchange.getRequestBody()) {
				byte[] bytes = body.readAllBytes();
				Mode now = this.mode;
				if (now == Mode.REFUSING) {
					exchange.sendResponseHeaders(503, -1);
					return;
				}
				record(bytes);
				if (now == Mode.HANGING && this.requests.incrementAndGet() > ACKNOWLEDGED_BEFORE_HANGING) {
					this.hanging.await(60, TimeUnit.SECONDS);
					return;
				}
				if (now == Mode.SLOW) {
					Thread.sleep(20);
				}
				exchange.sendResponseHeaders(200, -1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** Counts each line's point, {@code crash v=<i>i <i>}, by its time. */
		private synchronized void record(byte[] bytes) {
			for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
				if (!line.isEmpty()) {
					this.received[Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1))]++;
				}
			}
		}

		synchronized long distinct() {
			long distinct = 0;
			for (int count : this.received) {
				distinct += (count > 0) ? 1 : 0;
			}
			return distinct;
		}

		synchronized Figures figures(int run, Mode mode, int killAfterMillis, long accepted, long recovered,
				long acknowledgedBeforeKill) {
			long onServer = 0;
			long duplicates = 0;
			long lost = 0;
			for (int i = 0; i < this.received.length; i++) {
				onServer += (this.received[i] > 0) ? 1 : 0;
				duplicates += Math.max(0, this.received[i] - 1);
				lost += (i < accepted && this.received[i] == 0) ? 1 : 0;
			}
			return new Figures(run, mode, killAfterMillis, accepted, onServer, recovered, duplicates, lost,
					acknowledgedBeforeKill);
		}

		void stop() {
			this.hanging.countDown();
			if (this.server != null) {
				this.server.stop(0);
			}
			this.executor.shutdownNow();
		}

	}

	record Figures(int run, Mode mode, int killAfterMillis, long accepted, long onServer, long recovered,
			long duplicates, long lost, long acknowledgedBeforeKill) {

		@Override
		public String toString() {
			return String.format("%3d  %-9s  %9d ms  %8d  %9d  %9d  %10d  %4d", this.run, this.mode,
					this.killAfterMillis, this.accepted, this.onServer, this.recovered, this.duplicates, this.lost);
		}

	}

}

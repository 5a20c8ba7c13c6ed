package io.cnosdb.spring.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.CnosBatchWriterListener;
import io.cnosdb.spring.core.batch.CnosWriteFailure;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.http.CnosNode;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbCluster;
import io.cnosdb.spring.testsupport.CnosDbServer;

import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data node of a real CnosDB cluster killed (SIGKILL) and started again while the batch
 * writer writes at full speed into a database kept on two replicas, and a query loop
 * runs: no point the writer accepted is lost (each is in the cluster or was handed to the
 * failure handler), none is stored twice, and every statement answers or fails with an
 * exception naming the node, within its timeout. The figures are printed. Runs against
 * the cluster {@link CnosDbCluster} finds, and is skipped without one.
 */
class CnosClusterIntegrationTests {

	@RegisterExtension
	static final CnosDbCluster cluster = new CnosDbCluster();

	/** The node requests go to first, the one whose loss the client must survive. */
	private static final int KILLED = 1;

	private static final int REPLICAS = 2;

	private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(20);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration PHASE = Duration.ofSeconds(10);

	private static final Pattern SEQ = Pattern.compile(" seq=(\\d+)i");

	private final String database = CnosDbServer.uniqueName("cluster");

	private CnosTemplate admin;

	private CnosTemplate template;

	private boolean killed;

	@BeforeEach
	void createDatabase() {
		this.admin = CnosTemplate.builder()
			.urls(cluster.urls())
			.credentials(cluster.user(), cluster.password())
			.connectTimeout(CONNECT_TIMEOUT)
			.readTimeout(Duration.ofSeconds(10))
			.queryTimeout(QUERY_TIMEOUT)
			.build();
		this.admin.createDatabase(this.database,
				DatabaseOptions.defaults().shard(cluster.urls().size()).replica(REPLICAS));
		this.template = this.admin.withDatabase(this.database);
		List<Map<String, @Nullable Object>> described = this.admin
			.queryForList("DESCRIBE DATABASE \"" + this.database + "\"");
		assertThat(described).singleElement()
			.satisfies((options) -> assertThat(options.get("replica")).hasToString(Integer.toString(REPLICAS)));
	}

	@AfterEach
	void dropDatabase() {
		if (this.killed) {
			cluster.start(KILLED);
		}
		this.admin.dropDatabaseIfExists(this.database);
		this.admin.close();
	}

	@Test
	void aDataNodeKilledMidRunLosesNoAcceptedPointAndHangsNoStatement() throws Exception {
		Figures figures = new Figures();
		CnosBatchWriter writer = CnosBatchWriter.builder(this.template)
			.precision(CnosPrecision.NS)
			.maxRetries(30)
			.retryBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
			.blockTimeout(Duration.ofMinutes(2))
			.closeTimeout(Duration.ofMinutes(3))
			.failureHandler(figures::handedOver)
			.listener(figures)
			.build();
		AtomicBoolean stop = new AtomicBoolean();
		long base = Instant.now().getEpochSecond() * 1_000_000_000L;
		Thread producer = new Thread(() -> {
			for (long seq = 0; !stop.get(); seq++) {
				writer.write(Point.measurement("kill_run")
					.tag("sensor", "s" + (seq % 16))
					.field("seq", seq)
					.time(base + seq * 1_000, CnosPrecision.NS));
				figures.accepted.incrementAndGet();
			}
		}, "cluster-test-producer");
		Thread queries = new Thread(() -> queryLoop(stop, figures), "cluster-test-queries");
		producer.start();
		// Queries start once the table exists: before the first batch they fail with
		// "Table not found", which says nothing about the kill.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (figures.acknowledged.get() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		queries.start();
		Thread.sleep(PHASE.toMillis());
		cluster.kill(KILLED);
		this.killed = true;
		long killedAt = System.nanoTime();
		Thread.sleep(PHASE.toMillis());
		cluster.start(KILLED);
		this.killed = false;
		figures.downFor = Duration.ofNanos(System.nanoTime() - killedAt);
		Thread.sleep(PHASE.toMillis());
		stop.set(true);
		producer.join(TimeUnit.MINUTES.toMillis(3));
		queries.join(TimeUnit.MINUTES.toMillis(1));
		writer.close();
		figures.count(this.template);
		figures.print(this.template.getHttpClient().nodes());
		assertThat(figures.lost).as("points accepted but neither held nor handed over").isZero();
		assertThat(figures.duplicates).as("points held twice").isZero();
		// A clear failure: a DataAccessException naming the statement.
		assertThat(figures.queryFailures)
			.allSatisfy((failure) -> assertThat(failure).contains("SELECT COUNT(*) FROM kill_run"));
		assertThat(figures.longestStatement).as("longest statement")
			.isLessThan(QUERY_TIMEOUT.plus(CONNECT_TIMEOUT.multipliedBy(cluster.urls().size()))
				.plus(Duration.ofSeconds(10)));
	}

	private void queryLoop(AtomicBoolean stop, Figures figures) {
		while (!stop.get()) {
			long start = System.nanoTime();
			try {
				this.template.queryForObject("SELECT COUNT(*) FROM kill_run", Long.class);
				figures.queriesAnswered.incrementAndGet();
			}
			catch (DataAccessException ex) {
				figures.queryFailures.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			synchronized (figures) {
				if (took.compareTo(figures.longestStatement) > 0) {
					figures.longestStatement = took;
				}
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** What the run counted, and what the cluster holds after it. */
	private static final class Figures implements CnosBatchWriterListener {

		final AtomicLong accepted = new AtomicLong();

		final AtomicLong acknowledged = new AtomicLong();

		final AtomicLong retriedBatches = new AtomicLong();

		final AtomicLong retriedPoints = new AtomicLong();

		final BitSet handedOverSeqs = new BitSet();

		long handedOverPoints;

		final AtomicLong queriesAnswered = new AtomicLong();

		final ConcurrentLinkedQueue<String> queryFailures = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<String> handOverCauses = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<String> retriedBecause = new ConcurrentLinkedQueue<>();

		Duration longestStatement = Duration.ZERO;

		Duration downFor = Duration.ZERO;

		long held;

		long distinctHeld;

		long duplicates;

		long lost;

		@Override
		public void batchWritten(int points, int bytes) {
			this.acknowledged.addAndGet(points);
		}

		@Override
		public void batchRetried(int points, Throwable cause) {
			this.retriedBatches.incrementAndGet();
			this.retriedBecause.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
			this.retriedPoints.addAndGet(points);
		}

		synchronized void handedOver(CnosWriteFailure failure) {
			this.handOverCauses.add(failure.cause().getClass().getSimpleName() + ": " + failure.cause().getMessage());
			for (String line : failure.lines()) {
				Matcher seq = SEQ.matcher(line);
				if (seq.find()) {
					this.handedOverSeqs.set(Integer.parseInt(seq.group(1)));
					this.handedOverPoints++;
				}
			}
		}

		synchronized void count(CnosTemplate template) {
			BitSet heldSeqs = new BitSet();
			try (Stream<Long> seqs = template.queryForStream("SELECT seq FROM kill_run", Long.class)) {
				seqs.forEach((seq) -> {
					this.held++;
					heldSeqs.set(seq.intValue());
				});
			}
			this.distinctHeld = heldSeqs.cardinality();
			this.duplicates = this.held - this.distinctHeld;
			BitSet accounted = (BitSet) heldSeqs.clone();
			accounted.or(this.handedOverSeqs);
			this.lost = this.accepted.get() - accounted.get(0, (int) this.accepted.get()).cardinality();
		}

		synchronized void print(List<CnosNode> nodes) {
			System.out.println();
			System.out.println("Kill-a-node run against " + nodes + ": node " + KILLED + " killed for "
					+ this.downFor.toMillis() + " ms");
			System.out.println("  points accepted by the writer:  " + this.accepted.get());
			System.out.println("  points acknowledged:            " + this.acknowledged.get());
			System.out.println("  batches retried (points):       " + this.retriedBatches.get() + " ("
					+ this.retriedPoints.get() + ")");
			System.out.println("  points handed to the handler:   " + this.handedOverPoints);
			this.handOverCauses.stream().distinct().limit(5).forEach((cause) -> System.out.println("    " + cause));
			this.retriedBecause.stream()
				.distinct()
				.limit(5)
				.forEach((cause) -> System.out.println("    retried: " + cause));
			System.out
				.println("  rows the cluster holds:         " + this.held + " (distinct: " + this.distinctHeld + ")");
			System.out.println("  points held twice:              " + this.duplicates);
			System.out.println("  points lost:                    " + this.lost);
			System.out.println("  statements answered / failed:   " + this.queriesAnswered.get() + " / "
					+ this.queryFailures.size() + ", longest " + this.longestStatement.toMillis() + " ms");
			this.queryFailures.stream().distinct().limit(5).forEach((failure) -> System.out.println("    " + failure));
			nodes.forEach((node) -> System.out.println("  " + node.url() + ": available " + node.isAvailable()
					+ ", failovers " + node.failovers() + ", last error " + node.lastError()));
			System.out.println();
		}

	}

}

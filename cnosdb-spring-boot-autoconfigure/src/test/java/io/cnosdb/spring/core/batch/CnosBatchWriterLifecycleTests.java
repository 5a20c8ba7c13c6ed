package io.cnosdb.spring.core.batch;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.CnosTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lifecycle of {@link CnosBatchWriter}: constructing it starts nothing and
 * tells no one, {@link CnosBatchWriter.Builder#build()} starts the flush thread and tells
 * the listener, {@link CnosBatchWriter#close()} ends the thread. Nothing is written, so
 * no server is needed.
 */
class CnosBatchWriterLifecycleTests {

	/** A database of its own, so that the flush thread's name is this test's alone. */
	private final String database = "lifecycle_" + UUID.randomUUID().toString().replace("-", "");

	private final List<CnosBatchWriter> started = new CopyOnWriteArrayList<>();

	private final List<Thread> startedOn = new CopyOnWriteArrayList<>();

	@Test
	void constructingStartsNoThreadAndTellsNoListener() {
		CnosBatchWriter writer = builder().create();
		assertThat(flushThreadRuns()).isFalse();
		assertThat(this.started).isEmpty();
		writer.start();
		assertThat(flushThreadRuns()).isTrue();
		assertThat(this.started).containsExactly(writer);
		writer.close();
		assertThat(flushThreadRuns()).isFalse();
	}

	@Test
	void buildStartsTheFlushThreadAndTellsTheListenerOnTheBuildingThread() {
		CnosBatchWriter writer = builder().build();
		assertThat(flushThreadRuns()).isTrue();
		assertThat(this.started).containsExactly(writer);
		assertThat(this.startedOn).containsExactly(Thread.currentThread());
		writer.close();
		assertThat(flushThreadRuns()).isFalse();
		assertThat(writer.getBufferedPoints()).isZero();
	}

	private CnosBatchWriter.Builder builder() {
		CnosTemplate template = CnosTemplate.builder().url("http://localhost:1").database(this.database).build();
		return CnosBatchWriter.builder(template).listener(new CnosBatchWriterListener() {

			@Override
			public void writerStarted(CnosBatchWriter writer) {
				CnosBatchWriterLifecycleTests.this.started.add(writer);
				CnosBatchWriterLifecycleTests.this.startedOn.add(Thread.currentThread());
			}

		});
	}

	private boolean flushThreadRuns() {
		String name = "cnosdb-batch-writer-" + this.database;
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().equals(name));
	}

}

package io.cnosdb.spring.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.core.http.CnosNode;

/**
 * Micrometer meters of the nodes of a cluster a {@link CnosHttpClient} sends to, each
 * tagged with the {@code node}'s URL (without user information): the gauge
 * {@code cnosdb.client.node.available}, 1 while the client sends requests to the node and
 * 0 while it holds it down after a failure, and the counter
 * {@code cnosdb.client.failovers}, requests the node could not take that went on to
 * another node. A client of one server has none: its node is never held down.
 * <p>
 * A {@link MeterBinder}: as a bean it is bound to every registry by Spring Boot's metrics
 * auto-configuration.
 */
public final class CnosDbNodeMetrics implements MeterBinder {

	private final CnosHttpClient client;

	/**
	 * Creates the meters of the nodes of a client.
	 * @param client the client whose nodes to measure
	 */
	public CnosDbNodeMetrics(CnosHttpClient client) {
		this.client = client;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.client.nodes().size() < 2) {
			return;
		}
		for (CnosNode node : this.client.nodes()) {
			Tags tags = Tags.of("node", node.url());
			Gauge.builder("cnosdb.client.node.available", node, (measured) -> measured.isAvailable() ? 1 : 0)
				.description("Whether the client sends requests to the CnosDB node (1) or holds it down after a "
						+ "failure (0)")
				.tags(tags)
				.register(registry);
			FunctionCounter.builder("cnosdb.client.failovers", node, CnosNode::failovers)
				.description("Requests the CnosDB node could not take that went on to another node")
				.tags(tags)
				.register(registry);
		}
	}

}

package io.cnosdb.spring.core.batch;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.observation.CnosBatchObservationContext;
import io.cnosdb.spring.core.observation.CnosBatchObservationConvention;
import io.cnosdb.spring.core.observation.CnosObservationDocumentation;
import io.cnosdb.spring.core.observation.DefaultCnosBatchObservationConvention;

/**
 * Makes the observation of each batch a {@link BatchSender} delivers. With a registry
 * that observes nothing (the default) a batch gets {@link Observation#NOOP} at the cost
 * of one check: no context is made.
 */
final class BatchObservations {

	/** Observes nothing. */
	static final BatchObservations NONE = new BatchObservations(ObservationRegistry.NOOP, null);

	private static final DefaultCnosBatchObservationConvention DEFAULT_CONVENTION = new DefaultCnosBatchObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable CnosBatchObservationConvention convention;

	BatchObservations(ObservationRegistry registry, @Nullable CnosBatchObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/** Starts the observation of a batch, before its first attempt. */
	Observation start(String database, String tenant, Batch batch) {
		if (this.registry.isNoop()) {
			return Observation.NOOP;
		}
		return CnosObservationDocumentation.BATCH.observation(this.convention, DEFAULT_CONVENTION,
				() -> new CnosBatchObservationContext(database, tenant, batch.points(), batch.size()), this.registry)
			.start();
	}

	/**
	 * Stops the observation of a batch after its last attempt, with how many attempts
	 * were made and the failure that ended them, if any.
	 */
	static void stop(Observation observation, int attempts, @Nullable Throwable failure) {
		if (observation.getContext() instanceof CnosBatchObservationContext context) {
			context.setAttempts(attempts);
		}
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

}

package io.cnosdb.spring.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name, contextual name and key values of the observations of the batch writer's
 * batches; {@link DefaultCnosBatchObservationConvention} unless replaced, such as by a
 * bean of an application's.
 */
public interface CnosBatchObservationConvention extends ObservationConvention<CnosBatchObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CnosBatchObservationContext;
	}

}

package io.cnosdb.spring.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name, contextual name and key values of the observations of requests to CnosDB;
 * {@link DefaultCnosObservationConvention} unless replaced, such as by a bean of an
 * application's.
 */
public interface CnosObservationConvention extends ObservationConvention<CnosObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CnosObservationContext;
	}

}

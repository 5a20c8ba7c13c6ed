package io.cnosdb.spring.sample;

import java.time.Instant;

import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;
import io.cnosdb.spring.core.write.annotation.Tag;
import io.cnosdb.spring.core.write.annotation.Timestamp;
import org.jspecify.annotations.Nullable;

/**
 * One row of the {@code air} table: written as a point through its annotations, read back
 * by column name, and the JSON of the REST API. A {@code null} field is left out of the
 * point.
 *
 * @param time when the reading was taken; {@code null} in a request means now
 * @param station the station tag
 * @param visibility visibility
 * @param temperature temperature
 * @param pressure pressure
 */
@Measurement(AirSchema.TABLE)
public record Reading(@Timestamp @Nullable Instant time, @Tag String station, @Field @Nullable Double visibility,
		@Field @Nullable Double temperature, @Field @Nullable Double pressure) {

	Reading withTime(Instant time) {
		return new Reading(time, this.station, this.visibility, this.temperature, this.pressure);
	}

}

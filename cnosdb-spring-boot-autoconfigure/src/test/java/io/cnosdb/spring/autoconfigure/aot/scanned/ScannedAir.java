package io.cnosdb.spring.autoconfigure.aot.scanned;

import java.time.Instant;

import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;
import io.cnosdb.spring.core.write.annotation.Tag;
import io.cnosdb.spring.core.write.annotation.Timestamp;

@Measurement("air")
public record ScannedAir(@Tag String station, @Field double temperature, @Timestamp Instant time) {
}

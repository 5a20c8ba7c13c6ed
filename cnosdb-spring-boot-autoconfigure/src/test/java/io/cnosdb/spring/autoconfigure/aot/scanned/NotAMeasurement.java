package io.cnosdb.spring.autoconfigure.aot.scanned;

import io.cnosdb.spring.core.write.annotation.Field;

/** Annotated fields, but no {@code @Measurement}: the client cannot write it. */
public record NotAMeasurement(@Field double value) {
}

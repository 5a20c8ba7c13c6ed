package io.cnosdb.spring.autoconfigure.aot.elsewhere;

import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;

/** A measurement type outside the auto-configuration packages of the tests. */
@Measurement("air")
public record ElsewhereAir(@Field double visibility) {
}

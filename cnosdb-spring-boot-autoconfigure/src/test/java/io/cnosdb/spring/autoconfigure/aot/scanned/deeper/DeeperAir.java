package io.cnosdb.spring.autoconfigure.aot.scanned.deeper;

import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;

@Measurement("air")
public record DeeperAir(@Field double pressure) {
}

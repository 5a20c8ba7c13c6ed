package io.cnosdb.spring.autoconfigure.aot.scanned;

import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;

/** Measurement types declared inside another class and inside a method. */
public final class Outer {

	private Outer() {
	}

	public static Class<?> localType() {
		@Measurement("local")
		record Local(@Field long count) {
		}
		return Local.class;
	}

	@Measurement("nested")
	public record Nested(@Field boolean open) {
	}

}

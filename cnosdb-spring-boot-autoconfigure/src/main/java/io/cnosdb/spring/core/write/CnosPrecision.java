package io.cnosdb.spring.core.write;

import io.cnosdb.spring.core.support.CnosMessageValues;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Timestamp precision understood by CnosDB: the {@code precision} parameter of a write
 * and the {@code PRECISION} option of a database. The server knows only these three; any
 * other value would silently be taken as nanoseconds, so no other value can be expressed
 * here.
 */
public enum CnosPrecision {

	/** Nanoseconds, the server's default. */
	NS(TimeUnit.NANOSECONDS),

	/** Microseconds. */
	US(TimeUnit.MICROSECONDS),

	/** Milliseconds. */
	MS(TimeUnit.MILLISECONDS);

	private final TimeUnit unit;

	CnosPrecision(TimeUnit unit) {
		this.unit = unit;
	}

	/** The unit a timestamp in this precision counts. */
	public TimeUnit unit() {
		return this.unit;
	}

	/** The value the server expects: {@code ns}, {@code us} or {@code ms}. */
	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses {@code ns}, {@code us} or {@code ms} (any case).
	 * @throws IllegalArgumentException naming the value for anything else
	 */
	public static CnosPrecision of(String value) {
		for (CnosPrecision precision : values()) {
			if (precision.name().equalsIgnoreCase(value)) {
				return precision;
			}
		}
		throw new IllegalArgumentException("Unsupported CnosDB precision '" + CnosMessageValues.abbreviate(value)
				+ "': CnosDB accepts only ns, us or ms (any other value would silently mean ns)");
	}

}

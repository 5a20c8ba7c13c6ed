package io.cnosdb.spring.core.write;

/**
 * Times as a second of the epoch and a nanosecond of that second, and as counts of
 * {@link CnosPrecision} units since the epoch: the conversions of {@link Point}, exact or
 * refused, never rounded or wrapped around.
 */
final class EpochTimes {

	private static final int NANOS_PER_SECOND = 1_000_000_000;

	private EpochTimes() {
	}

	/** The second of the epoch of a count of units. */
	static long epochSecond(long timestamp, CnosPrecision precision) {
		if (precision == CnosPrecision.NS) {
			// The usual case: a division by a constant, which the compiler turns into a
			// multiplication, where dividing by the unit's count is a hardware division.
			return Math.floorDiv(timestamp, NANOS_PER_SECOND);
		}
		return Math.floorDiv(timestamp, unitsPerSecond(precision));
	}

	/** The nanosecond, within its second, of a count of units. */
	static int nanoOfSecond(long timestamp, CnosPrecision precision) {
		if (precision == CnosPrecision.NS) {
			// The usual case, without multiplying by the unit.
			return (int) Math.floorMod(timestamp, NANOS_PER_SECOND);
		}
		return (int) (Math.floorMod(timestamp, unitsPerSecond(precision)) * nanosPerUnit(precision));
	}

	/**
	 * The time as a count of units since the epoch.
	 * @throws UnrepresentableTimeException if the time has digits finer than the unit, or
	 * its count does not fit a {@code long}
	 */
	static long units(long epochSecond, int nanoOfSecond, CnosPrecision precision) {
		if (precision == CnosPrecision.NS) {
			// The usual case, without dividing by the unit.
			return unitsSinceEpoch(epochSecond, NANOS_PER_SECOND, nanoOfSecond, precision);
		}
		long nanosPerUnit = nanosPerUnit(precision);
		if (nanoOfSecond % nanosPerUnit != 0) {
			throw new UnrepresentableTimeException("cannot be written in " + precision.wireValue()
					+ " precision without dropping digits; write it with a finer precision");
		}
		return unitsSinceEpoch(epochSecond, NANOS_PER_SECOND / nanosPerUnit, nanoOfSecond / nanosPerUnit, precision);
	}

	private static long unitsSinceEpoch(long epochSecond, long unitsPerSecond, long units, CnosPrecision precision) {
		try {
			// Borrow one second for negative times so that the product stays in range
			// down to Long.MIN_VALUE.
			if (epochSecond < 0 && units > 0) {
				return Math.addExact(Math.multiplyExact(epochSecond + 1, unitsPerSecond), units - unitsPerSecond);
			}
			return Math.addExact(Math.multiplyExact(epochSecond, unitsPerSecond), units);
		}
		catch (ArithmeticException ex) {
			throw new UnrepresentableTimeException(
					"does not fit a signed 64-bit timestamp in " + precision.wireValue() + " precision");
		}
	}

	private static long unitsPerSecond(CnosPrecision precision) {
		return NANOS_PER_SECOND / nanosPerUnit(precision);
	}

	private static long nanosPerUnit(CnosPrecision precision) {
		return precision.unit().toNanos(1);
	}

	/** A time that a count of the asked unit cannot hold exactly. */
	static final class UnrepresentableTimeException extends IllegalArgumentException {

		UnrepresentableTimeException(String rule) {
			super(rule);
		}

	}

}

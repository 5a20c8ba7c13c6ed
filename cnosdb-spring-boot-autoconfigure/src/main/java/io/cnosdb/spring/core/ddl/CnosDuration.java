package io.cnosdb.spring.core.ddl;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * A duration as CnosDB's DDL writes it ({@code '30d'}, {@code '2y1M'}, {@code 'inf'}), checked
 * on the client so a typo fails before the statement is sent. Note that {@code M} is months
 * and {@code m} minutes.
 */
public final class CnosDuration {

	/** Never expires. */
	public static final CnosDuration INFINITE = new CnosDuration("INF");

	private static final String UNIT = "ns|nanos|nsec|us|usec|ms|millis|msec|s|sec|secs|second|seconds"
			+ "|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks|M|month|months"
			+ "|y|year|years";

	private static final Pattern SYNTAX = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:" + UNIT + "))+");

	private final String text;

	private CnosDuration(String text) {
		this.text = text;
	}

	/**
	 * A duration in CnosDB's syntax: one or more number-unit pairs, or {@code inf}.
	 * @param text the duration, such as {@code 30d} or {@code 1y6M}
	 * @return the duration
	 * @throws IllegalArgumentException naming the value if it is not CnosDB duration syntax
	 */
	public static CnosDuration parse(String text) {
		Assert.notNull(text, "A CnosDB duration must not be null");
		if (text.equalsIgnoreCase("inf")) {
			return INFINITE;
		}
		if (!SYNTAX.matcher(text).matches()) {
			throw new IllegalArgumentException("Invalid CnosDB duration '" + text + "': expected 'inf' or number-unit "
					+ "pairs such as '30d' or '1y6M', with units ns, us, ms, s, m (minutes), h, d, w, M (months), y");
		}
		return new CnosDuration(text);
	}

	/**
	 * A duration from a {@link Duration}, in whole days, hours, minutes, seconds and
	 * nanoseconds, so it means the same on the server.
	 * @param duration a positive duration
	 * @return the duration
	 */
	public static CnosDuration of(Duration duration) {
		Assert.notNull(duration, "A duration must not be null");
		Assert.isTrue(!duration.isNegative() && !duration.isZero(),
				() -> "A CnosDB duration must be positive, but was " + duration);
		StringBuilder text = new StringBuilder();
		append(text, duration.toDaysPart(), "d");
		append(text, duration.toHoursPart(), "h");
		append(text, duration.toMinutesPart(), "m");
		append(text, duration.toSecondsPart(), "s");
		append(text, duration.toNanosPart(), "ns");
		return new CnosDuration(text.toString());
	}

	private static void append(StringBuilder text, long amount, String unit) {
		if (amount > 0) {
			text.append(amount).append(unit);
		}
	}

	/** The duration as written in SQL, without quotes. */
	public String text() {
		return this.text;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof CnosDuration duration) && this.text.equals(duration.text);
	}

	@Override
	public int hashCode() {
		return this.text.hashCode();
	}

	@Override
	public String toString() {
		return this.text;
	}

}

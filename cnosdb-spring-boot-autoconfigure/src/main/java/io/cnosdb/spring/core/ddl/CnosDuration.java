package io.cnosdb.spring.core.ddl;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * A duration as CnosDB's DDL writes it ({@code '30d'}, {@code '1d 12h'}, {@code '30'},
 * {@code 'inf'}), checked on the client so a typo fails before the statement is sent.
 * <p>
 * The accepted text is what CnosDB 2.4 reads (checked against a 2.4.2 server):
 * {@code inf} in any case; a whole number alone, meaning days; or whole-number and unit
 * pairs, with optional spaces around and between them, in the units of the server's
 * duration parser (the Rust {@code humantime} crate): {@code ns, us, ms, s, m} (minutes),
 * {@code h, d, w, M} (months), {@code y} and their long forms. Units are case-sensitive
 * and decimals such as {@code 1.5d} are refused, as the server refuses them.
 * <p>
 * CnosDB 2.3 reads less: one whole number of days, or a number and one of {@code d},
 * {@code h}, {@code m} compared upper-case, so there {@code 6M} is six minutes, not six
 * months. {@link #of(Duration)} writes a single number and one of {@code d}, {@code h},
 * {@code m} whenever the duration is a whole number of minutes, which both versions read
 * alike.
 */
public final class CnosDuration {

	/** Never expires. */
	public static final CnosDuration INFINITE = new CnosDuration("INF");

	// Longest alternatives first only for readability: the whole text must match, so the
	// regex backtracks to the right unit either way.
	private static final String UNIT = "nanos|nsec|ns|usec|us|millis|msec|ms|seconds|second|secs|sec|s"
			+ "|minutes|minute|mins|min|m|hours|hour|hrs|hr|h|days|day|d|weeks|week|w|months|month|M" + "|years|year|y";

	private static final Pattern SYNTAX = Pattern
		.compile("\\s*(?:\\d+|(?:\\d+\\s*(?:" + UNIT + ")(?![A-Za-z])\\s*)+)\\s*");

	private static final long MINUTES_PER_HOUR = 60;

	private static final long MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

	private final String text;

	private CnosDuration(String text) {
		this.text = text;
	}

	/**
	 * A duration in CnosDB's syntax: {@code inf}, a whole number of days, or whole-number
	 * and unit pairs.
	 * @param text the duration, such as {@code 30d}, {@code 1d 12h}, {@code 30} or
	 * {@code 1y6M}
	 * @return the duration
	 * @throws IllegalArgumentException naming the value if CnosDB would refuse it
	 */
	public static CnosDuration parse(String text) {
		Assert.notNull(text, "A CnosDB duration must not be null");
		if (text.strip().equalsIgnoreCase("inf")) {
			return INFINITE;
		}
		if (!SYNTAX.matcher(text).matches()) {
			throw new IllegalArgumentException("Invalid CnosDB duration '" + text + "': expected 'inf', a whole "
					+ "number of days such as '30', or whole numbers with units such as '30d', '1d 12h' or '1y6M' "
					+ "(units ns, us, ms, s, m for minutes, h, d, w, M for months, y; decimals such as '1.5d' are "
					+ "refused by CnosDB)");
		}
		return new CnosDuration(text);
	}

	/**
	 * A duration from a {@link Duration}: one whole number of days, hours or minutes
	 * where the duration is a whole number of minutes (read alike by CnosDB 2.3 and 2.4),
	 * otherwise days, hours, minutes, seconds and nanoseconds, which CnosDB 2.4 reads.
	 * @param duration a positive duration
	 * @return the duration
	 */
	public static CnosDuration of(Duration duration) {
		Assert.notNull(duration, "A duration must not be null");
		Assert.isTrue(!duration.isNegative() && !duration.isZero(),
				() -> "A CnosDB duration must be positive, but was " + duration);
		if (duration.toSecondsPart() == 0 && duration.toNanosPart() == 0) {
			long minutes = duration.toMinutes();
			if (minutes % MINUTES_PER_DAY == 0) {
				return new CnosDuration((minutes / MINUTES_PER_DAY) + "d");
			}
			if (minutes % MINUTES_PER_HOUR == 0) {
				return new CnosDuration((minutes / MINUTES_PER_HOUR) + "h");
			}
			return new CnosDuration(minutes + "m");
		}
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

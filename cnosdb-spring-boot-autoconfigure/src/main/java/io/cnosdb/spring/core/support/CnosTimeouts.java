package io.cnosdb.spring.core.support;

import java.time.Duration;

/**
 * Timeouts in milliseconds for the HTTP clients that want them so, saturated rather than
 * overflowing: a timeout of centuries means "wait", not a negative number or the
 * {@code ArithmeticException} of {@link Duration#toMillis()}. Every conversion of a
 * timeout, in the client and in its auto-configuration, goes through here.
 */
public final class CnosTimeouts {

	private CnosTimeouts() {
	}

	/** The timeout in milliseconds, at most {@link Long#MAX_VALUE}. */
	public static long millis(Duration timeout) {
		return (timeout.getSeconds() >= Long.MAX_VALUE / 1000) ? Long.MAX_VALUE : timeout.toMillis();
	}

	/** The timeout in milliseconds, at most {@link Integer#MAX_VALUE}. */
	public static int intMillis(Duration timeout) {
		return (int) Math.min(Integer.MAX_VALUE, millis(timeout));
	}

}

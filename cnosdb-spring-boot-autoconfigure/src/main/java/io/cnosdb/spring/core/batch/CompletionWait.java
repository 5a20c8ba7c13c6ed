package io.cnosdb.spring.core.batch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How a {@link BatchQueue}'s {@code awaitCompleted} waits, under the queue's lock: until
 * every batch accepted before the call is completed, checking every 200 ms that the flush
 * thread still runs. An interrupt does not end the wait; the flag is set again on return.
 */
final class CompletionWait {

	private CompletionWait() {
	}

	/**
	 * Waits on {@code done} until {@code completed} holds.
	 * @param held what is still held, for the message when the flush thread stopped
	 * @throws IllegalStateException if the flush thread stops first
	 */
	static void await(Condition done, BooleanSupplier completed, BooleanSupplier sending, Supplier<String> held) {
		boolean interrupted = false;
		while (!completed.getAsBoolean()) {
			if (!sending.getAsBoolean()) {
				throw new IllegalStateException("The batch writer's flush thread has stopped; " + held.get());
			}
			try {
				done.awaitNanos(TimeUnit.MILLISECONDS.toNanos(200));
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}

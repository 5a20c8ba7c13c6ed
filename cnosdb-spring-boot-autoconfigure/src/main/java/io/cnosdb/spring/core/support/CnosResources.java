package io.cnosdb.spring.core.support;

import java.util.List;

import org.springframework.beans.factory.DisposableBean;

/**
 * Closes what the client and its auto-configuration made for themselves: an
 * {@link AutoCloseable} (such as the JDK's {@code HttpClient} from Java 21 on) or a
 * {@link DisposableBean} (such as Spring's request factory for Apache HttpClient 5).
 * Anything else, such as a JDK 17 {@code HttpClient}, has nothing to close and is left to
 * the garbage collector.
 */
public final class CnosResources {

	private CnosResources() {
	}

	/**
	 * Closes every resource, even when one fails; the first failure is thrown, the others
	 * suppressed on it.
	 */
	public static void closeAll(List<?> resources) {
		RuntimeException failure = null;
		for (Object resource : resources) {
			try {
				close(resource);
			}
			catch (Exception ex) {
				RuntimeException closeFailure = (ex instanceof RuntimeException runtime) ? runtime
						: new IllegalStateException("Could not close " + resource.getClass().getName(), ex);
				if (failure == null) {
					failure = closeFailure;
				}
				else {
					failure.addSuppressed(closeFailure);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Closes one resource: an {@link AutoCloseable} or a {@link DisposableBean}; anything
	 * else has nothing to close.
	 * @param resource the resource
	 * @throws Exception what closing it threw
	 */
	public static void close(Object resource) throws Exception {
		if (resource instanceof AutoCloseable closeable) {
			closeable.close();
		}
		else if (resource instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

}

package io.cnosdb.spring.core.http;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.io.EofSensorInputStream;

import org.springframework.util.ClassUtils;

/**
 * Ends an answer without reading the rest of it. Closing the body of an Apache HttpClient
 * 5 response reads it to its end so that the connection can be reused: an endless answer
 * never returns, a large one costs its transfer. Aborting drops the connection instead.
 * The JDK's client stops reading when its body is closed.
 */
final class ResponseBodies {

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils
		.isPresent("org.apache.hc.core5.http.io.EofSensorInputStream", ResponseBodies.class.getClassLoader());

	private ResponseBodies() {
	}

	/**
	 * Ends the body without reading on; also from another thread than the one reading it,
	 * whose read then fails.
	 */
	static void abort(InputStream body) {
		if (HTTP_COMPONENTS_PRESENT && HttpComponents.abort(body)) {
			return;
		}
		try {
			body.close();
		}
		catch (IOException ex) {
			// Ended either way.
		}
	}

	/** Kept apart so HttpClient 5 classes load only when present. */
	private static final class HttpComponents {

		static boolean abort(InputStream body) {
			if (body instanceof EofSensorInputStream sensor) {
				try {
					sensor.abort();
				}
				catch (IOException ex) {
					// The connection is discarded either way.
				}
				return true;
			}
			return false;
		}

	}

}

package io.cnosdb.spring.core;

import io.cnosdb.spring.core.write.CnosPrecision;

/**
 * Lets the transport benchmark (B3) post pre-encoded line protocol exactly as
 * {@link CnosTemplate#write(java.util.Collection)} posts what it encoded, through the
 * template's own HTTP client, without widening the template's API: this class shares the
 * template's package, and lives only in the benchmarks.
 */
public final class BenchmarkWriteAccess {

	private BenchmarkWriteAccess() {
	}

	/**
	 * Sends {@code bytes[0 .. length)} in one write request and waits for the
	 * acknowledgement.
	 */
	public static void send(CnosTemplate template, byte[] bytes, int length) {
		template.sendLineProtocol(bytes, length, CnosPrecision.NS, "writing a benchmark body");
	}

}

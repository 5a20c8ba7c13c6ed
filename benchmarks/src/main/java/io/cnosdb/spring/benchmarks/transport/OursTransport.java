package io.cnosdb.spring.benchmarks.transport;

import io.cnosdb.spring.core.BenchmarkWriteAccess;
import io.cnosdb.spring.core.CnosTemplate;

/**
 * Ours: the request a template's {@code write} sends once it has encoded its points,
 * through the HTTP client a template built without a {@code RestClient.Builder} has (what
 * the starter ships).
 */
final class OursTransport implements Transport {

	private final CnosTemplate template;

	OursTransport(String url) {
		this.template = CnosTemplate.builder().url(url).build();
	}

	@Override
	public String name() {
		return "ours (CnosTemplate write path)";
	}

	@Override
	public void post(byte[] body) {
		BenchmarkWriteAccess.send(this.template, body, body.length);
	}

}

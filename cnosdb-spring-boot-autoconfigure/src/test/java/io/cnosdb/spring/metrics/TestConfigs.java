package io.cnosdb.spring.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * Registry configurations for tests, from {@code cnosdb.*} keys, that schedule nothing: a
 * test pushes by calling {@code publish()} itself, at a time it sets on a mock clock.
 */
final class TestConfigs {

	private TestConfigs() {
	}

	/** The defaults, not scheduled. */
	static CnosDbRegistryConfig notScheduled() {
		return notScheduled(Map.of());
	}

	/**
	 * The given settings (keys without the {@code cnosdb.} prefix, such as
	 * {@code batchSize}), not scheduled.
	 */
	static CnosDbRegistryConfig notScheduled(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>();
		settings.forEach((key, value) -> all.put("cnosdb." + key, value));
		all.put("cnosdb.enabled", "false");
		return all::get;
	}

}

package io.cnosdb.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code cnosdb.*} property reaches the generated metadata with a description and a
 * default, so IDEs can show them; the hand-written metadata adds the health switch and
 * the precision values.
 */
class ConfigurationMetadataTests {

	/**
	 * Properties whose absence is the default: no SSL bundle means the JVM's trust store,
	 * no default tags none are added, no schema locations no script runs, no cluster URLs
	 * the one server of cnosdb.url, no spool directory no spool.
	 */
	private static final List<String> WITHOUT_DEFAULT = List.of("cnosdb.ssl.bundle", "cnosdb.write.default-tags",
			"cnosdb.schema.locations", "cnosdb.urls", "cnosdb.write.batch.spool.dir");

	@Test
	@SuppressWarnings("unchecked")
	void everyPropertyHasADescriptionAndADefault() throws IOException {
		try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(json).as("generated metadata").isNotNull();
			Map<String, Object> metadata = JsonMapper.builder().build().readValue(json, Map.class);
			List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
			assertThat(properties).extracting((property) -> property.get("name"))
				.contains("cnosdb.url", "cnosdb.urls", "cnosdb.failover.backoff-initial", "cnosdb.failover.backoff-max",
						"cnosdb.failover.backoff-jitter", "cnosdb.failover.probe-timeout", "cnosdb.user",
						"cnosdb.password", "cnosdb.database", "cnosdb.tenant", "cnosdb.connect-timeout",
						"cnosdb.read-timeout", "cnosdb.write.precision", "cnosdb.ssl.bundle", "cnosdb.health.timeout",
						"management.health.cnosdb.enabled", "cnosdb.write.default-tags",
						"management.health.cnosdb-batch-writer.enabled", "cnosdb.write.batch.spool.dir",
						"cnosdb.write.batch.spool.max-size", "cnosdb.write.batch.spool.sync", "cnosdb.schema.locations",
						"cnosdb.schema.mode", "cnosdb.schema.continue-on-error", "cnosdb.schema.separator",
						"cnosdb.schema.encoding");
			assertThat(properties).allSatisfy((property) -> {
				assertThat(property.get("description")).as("description of %s", property.get("name")).isNotNull();
				assertThat(String.valueOf(property.get("description"))).as("description of %s", property.get("name"))
					.doesNotStartWith("The ")
					.doesNotStartWith("A ");
				if (!WITHOUT_DEFAULT.contains(property.get("name"))) {
					assertThat(property).as("default of %s", property.get("name")).containsKey("defaultValue");
				}
			});
			List<Map<String, Object>> hints = (List<Map<String, Object>>) metadata.get("hints");
			assertThat(hints).filteredOn((hint) -> "cnosdb.write.precision".equals(hint.get("name")))
				.singleElement()
				.satisfies((hint) -> assertThat((List<Map<String, Object>>) hint.get("values"))
					.extracting((value) -> value.get("value"))
					.containsExactly("ns", "us", "ms"));
		}
	}

}

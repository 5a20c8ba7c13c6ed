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
 * default, so IDEs can show them.
 */
class ConfigurationMetadataTests {

	@Test
	@SuppressWarnings("unchecked")
	void everyPropertyHasADescriptionAndADefault() throws IOException {
		try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(json).as("generated metadata").isNotNull();
			Map<String, Object> metadata = JsonMapper.builder().build().readValue(json, Map.class);
			List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
			assertThat(properties).extracting((property) -> property.get("name"))
				.contains("cnosdb.url", "cnosdb.user", "cnosdb.password", "cnosdb.database", "cnosdb.tenant",
						"cnosdb.connect-timeout", "cnosdb.read-timeout");
			assertThat(properties).allSatisfy((property) -> {
				assertThat(property.get("description")).as("description of %s", property.get("name")).isNotNull();
				assertThat(property).as("default of %s", property.get("name")).containsKey("defaultValue");
			});
		}
	}

}

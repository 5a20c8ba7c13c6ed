package io.cnosdb.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.support.CnosDefaults;
import io.cnosdb.spring.core.write.CnosPrecision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property defaults must be the client's own, so configuring nothing means the same
 * with and without Spring Boot.
 */
class CnosDbPropertiesTests {

	@Test
	void defaultsMatchTheClientDefaults() {
		CnosDbProperties properties = new CnosDbProperties();
		assertThat(properties.getUrl()).isEqualTo(CnosDefaults.URL).isEqualTo("http://localhost:8902");
		assertThat(properties.getUser()).isEqualTo(CnosDefaults.USER).isEqualTo("root");
		assertThat(properties.getPassword()).isEqualTo(CnosDefaults.PASSWORD).isEmpty();
		assertThat(properties.getDatabase()).isEqualTo(CnosDefaults.DATABASE).isEqualTo("public");
		assertThat(properties.getTenant()).isEqualTo(CnosDefaults.TENANT).isEqualTo("cnosdb");
		assertThat(properties.getConnectTimeout()).isEqualTo(CnosDefaults.CONNECT_TIMEOUT);
		assertThat(properties.getReadTimeout()).isEqualTo(CnosDefaults.READ_TIMEOUT);
		try (CnosTemplate template = CnosTemplate.builder().build()) {
			assertThat(properties.getWrite().getPrecision()).isEqualTo(template.getWritePrecision())
				.isEqualTo(CnosPrecision.NS);
		}
		assertThat(properties.getSsl().getBundle()).isNull();
	}

}

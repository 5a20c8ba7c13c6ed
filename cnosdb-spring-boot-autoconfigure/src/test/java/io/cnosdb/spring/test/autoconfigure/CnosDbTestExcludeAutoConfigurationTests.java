package io.cnosdb.spring.test.autoconfigure;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.autoconfigure.CnosDbBatchWriterAutoConfiguration;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code excludeAutoConfiguration} leaves an auto-configuration of the slice out even
 * where its properties would switch it on.
 */
@CnosDbTest(excludeAutoConfiguration = CnosDbBatchWriterAutoConfiguration.class,
		properties = "cnosdb.write.batch.enabled=true")
class CnosDbTestExcludeAutoConfigurationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void excludedAutoConfigurationIsLeftOut() {
		assertThat(this.context.getBeanNamesForType(CnosBatchWriter.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(CnosTemplate.class)).hasSize(1);
	}

}

package io.cnosdb.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cnosdb.write.default-tags.*} binds to a map, placeholders resolved at startup,
 * and reaches both the template and the batch writer.
 */
class CnosDbDefaultTagsAutoConfigurationTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final ApplicationContextRunner runner = CnosDbContextRunners.application();

	@Test
	void noneByDefault() {
		this.runner.withPropertyValues("cnosdb.url=" + this.db.url())
			.run((context) -> assertThat(context.getBean(CnosTemplate.class).getDefaultTags()).isEmpty());
	}

	@Test
	void bindKeysAsWrittenAndResolvePlaceholders() {
		this.runner
			.withPropertyValues("cnosdb.url=" + this.db.url(), "app.region=east",
					"cnosdb.write.default-tags.host=node-1", "cnosdb.write.default-tags.App_Name=sample",
					"cnosdb.write.default-tags.[dc.zone]=z 1", "cnosdb.write.default-tags.region=${app.region}")
			.run((context) -> assertThat(context.getBean(CnosTemplate.class).getDefaultTags()).containsExactly(
					Map.entry("App_Name", "sample"), Map.entry("dc.zone", "z 1"), Map.entry("host", "node-1"),
					Map.entry("region", "east")));
	}

	@Test
	void areAddedByTheTemplateAndTheBatchWriter() {
		this.db.enqueue(recorded("write"), recorded("write"));
		this.runner
			.withPropertyValues("cnosdb.url=" + this.db.url(), "cnosdb.write.default-tags.host=node-1",
					"cnosdb.write.batch.enabled=true", "cnosdb.write.batch.flush-interval=1h")
			.run((context) -> {
				Point point = Point.measurement("air").tag("station", "s1").field("v", 1L).time(1, CnosPrecision.NS);
				context.getBean(CnosTemplate.class).write(point);
				assertThat(this.db.takeBody()).isEqualTo("air,station=s1,host=node-1 v=1i 1\n");
				CnosBatchWriter writer = context.getBean(CnosBatchWriter.class);
				writer.write(point);
				writer.flush();
				assertThat(this.db.takeBody()).isEqualTo("air,station=s1,host=node-1 v=1i 1\n");
			});
	}

}

package io.cnosdb.spring.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;
import io.cnosdb.spring.core.write.annotation.Tag;
import io.cnosdb.spring.core.write.annotation.Timestamp;
import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A template's default tags on the wire: added to points and annotated objects in every
 * precision and by the templates made from it, never over a point's own tag or field, and
 * not to raw lines.
 */
class CnosTemplateDefaultTagsWireTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.builder()
		.defaultTags(Map.of("region", "east", "host", "node 1"))
		.build();

	@Test
	void areAddedToPoints() {
		this.db.enqueue(recorded("write"));
		this.template.write(
				Point.measurement("air")
					.tag("station", "XiaoMaiDao")
					.field("temperature", 69.0)
					.time(1, CnosPrecision.NS),
				Point.measurement("air").field("temperature", 70.0).time(2, CnosPrecision.NS));
		assertThat(this.db.takeBody()).isEqualTo("air,station=XiaoMaiDao,host=node\\ 1,region=east temperature=69.0 1\n"
				+ "air,host=node\\ 1,region=east temperature=70.0 2\n");
	}

	@Test
	void neverOverrideAPointsOwnTagOrField() {
		this.db.enqueue(recorded("write"));
		this.template.write(List
			.of(Point.measurement("air").tag("host", "own").field("region", "a field").time(1, CnosPrecision.NS)));
		assertThat(this.db.takeBody()).isEqualTo("air,host=own region=\"a field\" 1\n");
	}

	@Test
	void areAddedToAnnotatedObjects() {
		this.db.enqueue(recorded("write"), recorded("write"));
		this.template.writeObjects(new Air("XiaoMaiDao", 56.0, Instant.ofEpochSecond(2)));
		this.template.writeObjects(List.of(new Air("LianYunGang", 57.0, Instant.ofEpochSecond(3))));
		assertThat(this.db.takeBody())
			.isEqualTo("air,station=XiaoMaiDao,host=node\\ 1,region=east visibility=56.0 2000000000\n");
		assertThat(this.db.takeBody())
			.isEqualTo("air,station=LianYunGang,host=node\\ 1,region=east visibility=57.0 3000000000\n");
	}

	@Test
	void areAddedInEveryPrecisionAndByDerivedTemplates() {
		this.db.enqueue(recorded("write"), recorded("write"));
		this.template.write(CnosPrecision.MS,
				List.of(Point.measurement("air").field("v", 1L).time(5, CnosPrecision.MS)));
		CnosTemplate ocean = this.template.withDatabase("ocean").withTenant("acme");
		ocean.write(Point.measurement("air").field("v", 2L).time(6, CnosPrecision.NS));
		assertThat(this.db.takeBody()).isEqualTo("air,host=node\\ 1,region=east v=1i 5\n");
		assertThat(this.db.takeBody()).isEqualTo("air,host=node\\ 1,region=east v=2i 6\n");
		assertThat(ocean.getDefaultTags()).isEqualTo(this.template.getDefaultTags())
			.containsExactly(Map.entry("host", "node 1"), Map.entry("region", "east"));
	}

	@Test
	void areNotAddedToRawLines() {
		this.db.enqueue(recorded("write"));
		this.template.writeLines(List.of("air,station=XiaoMaiDao temperature=69.0 1"));
		assertThat(this.db.takeBody()).isEqualTo("air,station=XiaoMaiDao temperature=69.0 1\n");
	}

	@Test
	void aTemplateWithoutDefaultTagsWritesPointsAsTheyAre() {
		this.db.enqueue(recorded("write"));
		CnosTemplate plain = this.db.template();
		Point point = Point.measurement("air").tag("station", "s").field("v", 1L).time(1, CnosPrecision.NS);
		plain.write(point);
		assertThat(this.db.takeBody()).isEqualTo(point.toLineProtocol() + "\n");
		assertThat(plain.getDefaultTags()).isEmpty();
	}

	@Test
	void aTagThatCannotBeWrittenIsRefusedWhenTheTemplateIsBuilt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.db.builder().defaultTags(Map.of("host", "line\nbreak")))
			.withMessageContaining("tag value 'line\nbreak' must not contain a newline");
	}

	@Measurement("air")
	record Air(@Tag String station, @Field double visibility, @Timestamp Instant time) {
	}

}

package io.cnosdb.spring.core.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosTemplate;
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
 * The batch writer's default tags: added to the points and objects it encodes, never over
 * a point's own tag or field.
 */
class CnosBatchWriterDefaultTagsTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	@Test
	void areAddedToPointsAndObjectsButNeverOverTheirOwnKeys() {
		this.db.enqueue(recorded("write"));
		try (CnosBatchWriter writer = CnosBatchWriter.builder(this.template)
			.defaultTags(Map.of("host", "node-1", "region", "east"))
			.flushInterval(Duration.ofHours(1))
			.build()) {
			writer.write(Point.measurement("air").tag("station", "s1").field("v", 1L).time(1, CnosPrecision.NS));
			writer.write(List
				.of(Point.measurement("air").tag("host", "own").field("region", "f").time(2, CnosPrecision.NS)));
			writer.writeObject(new Air("s2", 3.5, Instant.ofEpochSecond(3)));
		}
		assertThat(this.db.takeBody())
			.isEqualTo("air,station=s1,host=node-1,region=east v=1i 1\n" + "air,host=own region=\"f\" 2\n"
					+ "air,station=s2,host=node-1,region=east visibility=3.5 3000000000\n");
	}

	@Test
	void noneByDefault() {
		this.db.enqueue(recorded("write"));
		Point point = Point.measurement("air").tag("station", "s1").field("v", 1L).time(1, CnosPrecision.NS);
		try (CnosBatchWriter writer = CnosBatchWriter.builder(this.template).build()) {
			writer.write(point);
		}
		assertThat(this.db.takeBody()).isEqualTo(point.toLineProtocol() + "\n");
	}

	@Test
	void aTagThatCannotBeWrittenIsRefusedWhenTheWriterIsBuilt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CnosBatchWriter.builder(this.template).defaultTags(Map.of("host", "")))
			.withMessageContaining("tag value must not be empty");
	}

	@Measurement("air")
	record Air(@Tag String station, @Field double visibility, @Timestamp Instant time) {
	}

}

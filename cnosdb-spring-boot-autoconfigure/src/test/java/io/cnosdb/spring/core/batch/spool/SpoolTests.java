package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link Spool}, the segment files: append and read back, acknowledgements and
 * the checkpoint, recovery after a writer died (acknowledged segments deleted, torn or
 * damaged records cut, the records before them kept), the max size, dropping the oldest
 * segment, and the directory lock.
 */
class SpoolTests {

	@TempDir
	Path directory;

	@Test
	void readsBackWhatWasAppendedInOrder() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			append(spool, "m v=1i 1", "m v=2i 2");
			append(spool, "m v=3i 3");
			assertThat(spool.unacknowledgedPoints()).isEqualTo(3);
			assertThat(spool.unreadPoints()).isEqualTo(3);
			assertThat(read(spool, 2, Long.MAX_VALUE)).containsExactly("m v=1i 1\n", "m v=2i 2\n");
			assertThat(spool.unreadPoints()).isEqualTo(1);
			assertThat(spool.unacknowledgedPoints()).isEqualTo(3);
			assertThat(read(spool, 10, Long.MAX_VALUE)).containsExactly("m v=3i 3\n");
			assertThat(read(spool, 10, Long.MAX_VALUE)).isEmpty();
		}
	}

	@Test
	void aBatchStopsBeforeTheLineThatWouldPassTheByteLimitButTakesAtLeastOne() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			append(spool, "m v=1i 1", "m v=2i 2");
			assertThat(read(spool, 10, 12)).containsExactly("m v=1i 1\n");
			assertThat(read(spool, 10, 1)).containsExactly("m v=2i 2\n");
		}
	}

	@Test
	void acknowledgedPointsAreNotSentAgainByTheNextWriter() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			append(spool, "m v=1i 1", "m v=2i 2", "m v=3i 3");
			read(spool, 2, Long.MAX_VALUE);
			spool.acknowledgeRead();
			// Read but not acknowledged: the next writer sends it.
			read(spool, 1, Long.MAX_VALUE);
		}
		try (Spool spool = open(1024 * 1024)) {
			assertThat(spool.recovered().points()).isEqualTo(1);
			assertThat(spool.recovered().tornRecords()).isZero();
			assertThat(read(spool, 10, Long.MAX_VALUE)).containsExactly("m v=3i 3\n");
		}
	}

	@Test
	void aClosedSpoolWhosePointsWereAllAcknowledgedLeavesNoSegment() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			append(spool, "m v=1i 1");
			read(spool, 10, Long.MAX_VALUE);
			spool.acknowledgeRead();
			assertThat(spool.segmentCount()).isZero();
			assertThat(spool.recordBytes()).isZero();
		}
		assertThat(segmentFiles()).isEmpty();
		try (Spool spool = open(1024 * 1024)) {
			assertThat(spool.recovered().isEmpty()).isTrue();
		}
	}

	@Test
	void segmentsRollAtTheirSizeAndAreDeletedOnceAcknowledged() throws IOException {
		try (Spool spool = open(64 * 1024)) {
			// Segments of 8 KiB: 100 records of 100 bytes take two.
			String line = "m v=\"" + "x".repeat(77) + "\" 1";
			for (int i = 0; i < 100; i++) {
				append(spool, line);
			}
			assertThat(spool.segmentCount()).isEqualTo(2);
			assertThat(segmentFiles()).hasSize(2);
			read(spool, 90, Long.MAX_VALUE);
			spool.acknowledgeRead();
			assertThat(segmentFiles()).hasSize(1);
			assertThat(spool.unacknowledgedPoints()).isEqualTo(10);
		}
	}

	@Test
	void aTornLastRecordIsCutAndTheRecordsBeforeItAreKept() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			append(spool, "m v=1i 1", "m v=2i 2", "m v=3i 3");
		}
		Path segment = segmentFiles().get(0);
		long size = Files.size(segment);
		// The writer died in the middle of the last record's payload.
		truncate(segment, size - 4);
		try (Spool spool = open(1024 * 1024)) {
			SpoolRecoveryReport report = spool.recovered();
			assertThat(report.points()).isEqualTo(2);
			assertThat(report.tornRecords()).isEqualTo(1);
			assertThat(report.discardedBytes()).isEqualTo(SpoolFormat.RECORD_HEADER + 9 - 4);
			assertThat(read(spool, 10, Long.MAX_VALUE)).containsExactly("m v=1i 1\n", "m v=2i 2\n");
		}
		assertThat(Files.size(segment)).isEqualTo(size - SpoolFormat.RECORD_HEADER - 9);
	}

	@Test
	void aTornHeaderIsCutToo() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			append(spool, "m v=1i 1", "m v=2i 2");
		}
		Path segment = segmentFiles().get(0);
		truncate(segment, Files.size(segment) - 9 - 10);
		try (Spool spool = open(1024 * 1024)) {
			assertThat(spool.recovered().points()).isEqualTo(1);
			assertThat(spool.recovered().tornRecords()).isEqualTo(1);
			assertThat(read(spool, 10, Long.MAX_VALUE)).containsExactly("m v=1i 1\n");
		}
	}

	@Test
	void aDamagedRecordFailsItsChecksumAndIsCutWithWhatFollows() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			append(spool, "m v=1i 1", "m v=2i 2", "m v=3i 3");
		}
		Path segment = segmentFiles().get(0);
		// One bit of the second record's payload flipped.
		long secondPayload = SpoolFormat.FILE_HEADER + SpoolFormat.RECORD_HEADER + 9 + SpoolFormat.RECORD_HEADER + 4;
		try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
			file.seek(secondPayload);
			int value = file.read();
			file.seek(secondPayload);
			file.write(value ^ 1);
		}
		try (Spool spool = open(1024 * 1024)) {
			assertThat(spool.recovered().points()).isEqualTo(1);
			assertThat(spool.recovered().tornRecords()).isEqualTo(1);
			assertThat(spool.recovered().discardedBytes()).isEqualTo(2 * (SpoolFormat.RECORD_HEADER + 9));
			assertThat(read(spool, 10, Long.MAX_VALUE)).containsExactly("m v=1i 1\n");
		}
	}

	@Test
	void aSegmentCreatedByAWriterThatDiedBeforeWritingItsMagicIsDeleted() throws IOException {
		Files.write(this.directory.resolve(SpoolSegment.fileName(7)), new byte[] { 'C', 'N' });
		try (Spool spool = open(1024 * 1024)) {
			assertThat(spool.recovered().isEmpty()).isTrue();
			append(spool, "m v=1i 1");
		}
		assertThat(segmentFiles()).extracting((path) -> path.getFileName().toString())
			.containsExactly(SpoolSegment.fileName(8));
	}

	@Test
	void aFileNamedLikeASegmentButNotOneIsLeftAlone() throws IOException {
		Path foreign = this.directory.resolve(SpoolSegment.fileName(3));
		Files.writeString(foreign, "not a spool segment at all");
		try (Spool spool = open(1024 * 1024)) {
			assertThat(spool.recovered().points()).isZero();
		}
		assertThat(foreign).hasContent("not a spool segment at all");
	}

	@Test
	void aDamagedCheckpointMakesTheNextWriterSendEverythingLeft() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			append(spool, "m v=1i 1", "m v=2i 2");
			read(spool, 1, Long.MAX_VALUE);
			spool.acknowledgeRead();
		}
		Files.write(this.directory.resolve(SpoolCheckpoint.FILE_NAME), new byte[20]);
		try (Spool spool = open(1024 * 1024)) {
			// Sent again rather than lost.
			assertThat(read(spool, 10, Long.MAX_VALUE)).containsExactly("m v=1i 1\n", "m v=2i 2\n");
		}
	}

	@Test
	void recordsCountAgainstTheMaxSize() throws IOException {
		try (Spool spool = open(16 * 1024)) {
			long record = Spool.recordSize(9);
			long fitting = 16 * 1024 / record;
			for (long i = 0; i < fitting; i++) {
				assertThat(spool.hasRoom(record)).isTrue();
				append(spool, "m v=1i 1");
			}
			assertThat(spool.hasRoom(record)).isFalse();
			assertThat(spool.recordBytes()).isEqualTo(fitting * record);
			read(spool, (int) fitting, Long.MAX_VALUE);
			spool.acknowledgeRead();
			assertThat(spool.hasRoom(record)).isTrue();
		}
	}

	@Test
	void dropOldestDropsTheOldestSegmentNotBeingReadNorAppendedTo() throws IOException {
		try (Spool spool = open(32 * 1024)) {
			// Segments of 4 KiB hold 146 records of 12-byte lines.
			int perSegment = (int) ((4096 - SpoolFormat.FILE_HEADER) / Spool.recordSize(12));
			assertThat(perSegment).isEqualTo(146);
			for (int i = 0; i < 500; i++) {
				append(spool, "m v=" + (1000 + i) + "i 1");
			}
			assertThat(spool.segmentCount()).isEqualTo(4);
			assertThat(read(spool, 1, Long.MAX_VALUE)).containsExactly("m v=1000i 1\n");
			Spool.Dropped dropped = spool.dropOldest();
			assertThat(dropped).isNotNull();
			assertThat(dropped.points()).isEqualTo(perSegment);
			assertThat(spool.unacknowledgedPoints()).isEqualTo(500 - perSegment);
			// The rest of the segment being read is kept, then the segment after the
			// dropped one.
			List<String> rest = read(spool, 1000, Long.MAX_VALUE);
			assertThat(rest).hasSize(499 - perSegment);
			assertThat(rest.get(perSegment - 2)).isEqualTo("m v=" + (1000 + perSegment - 1) + "i 1\n");
			assertThat(rest.get(perSegment - 1)).isEqualTo("m v=" + (1000 + 2 * perSegment) + "i 1\n");
		}
	}

	@Test
	void nothingIsDroppedWhenOnlyTheSegmentsBeingReadAndAppendedToAreLeft() throws IOException {
		try (Spool spool = open(32 * 1024)) {
			for (int i = 0; i < 200; i++) {
				append(spool, "m v=" + (1000 + i) + "i 1");
			}
			assertThat(spool.segmentCount()).isEqualTo(2);
			assertThat(spool.dropOldest()).isNull();
			assertThat(spool.unacknowledgedPoints()).isEqualTo(200);
		}
	}

	@Test
	void theOldestUnacknowledgedPointKeepsTheTimeItWasAppended() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			assertThat(spool.oldestUnacknowledgedMillis()).isEqualTo(-1);
			byte[] line = "m v=1i 1\n".getBytes(StandardCharsets.UTF_8);
			spool.append(line, new int[] { line.length }, 0, 1, 1_000);
			spool.append(line, new int[] { line.length }, 0, 1, 2_000);
			assertThat(spool.oldestUnacknowledgedMillis()).isEqualTo(1_000);
			read(spool, 1, Long.MAX_VALUE);
			spool.acknowledgeRead();
			assertThat(spool.oldestUnacknowledgedMillis()).isEqualTo(2_000);
		}
		try (Spool spool = open(1024 * 1024)) {
			assertThat(spool.oldestUnacknowledgedMillis()).isEqualTo(2_000);
		}
	}

	@Test
	void aSecondSpoolOnTheSameDirectoryIsRefused() throws IOException {
		try (Spool spool = open(1024 * 1024)) {
			assertThatIllegalStateException().isThrownBy(() -> open(1024 * 1024))
				.withMessageContaining(this.directory.toString())
				.withMessageContaining("in use by another batch writer");
		}
		// Released on close.
		open(1024 * 1024).close();
	}

	@Test
	void theSettingsRefuseAMaxSizeTooSmallForTwoSegments() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> SpoolSettings.of(this.directory, 100, SpoolSync.INTERVAL, Duration.ofSeconds(1)))
			.withMessage("Spool max size (100 bytes) must be at least 8192 bytes");
	}

	private Spool open(long maxSize) throws IOException {
		return Spool.open(SpoolSettings.of(this.directory, maxSize, SpoolSync.INTERVAL, Duration.ofSeconds(1)));
	}

	private static void append(Spool spool, String... lines) throws IOException {
		StringBuilder text = new StringBuilder();
		int[] ends = new int[lines.length];
		for (int i = 0; i < lines.length; i++) {
			text.append(lines[i]).append('\n');
			ends[i] = text.toString().getBytes(StandardCharsets.UTF_8).length;
		}
		spool.append(text.toString().getBytes(StandardCharsets.UTF_8), ends, 0, lines.length,
				System.currentTimeMillis());
	}

	private static List<String> read(Spool spool, int maxPoints, long maxBytes) throws IOException {
		List<String> lines = new ArrayList<>();
		spool.read(maxPoints, maxBytes,
				(bytes, offset, length) -> lines.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
		return lines;
	}

	private List<Path> segmentFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((path) -> SpoolSegment.idOf(path) >= 0).sorted().toList();
		}
	}

	private static void truncate(Path file, long size) throws IOException {
		try (RandomAccessFile random = new RandomAccessFile(file.toFile(), "rw")) {
			random.setLength(size);
		}
	}

}

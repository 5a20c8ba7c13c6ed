package io.cnosdb.spring.core.batch.spool;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Where and how a batch writer spools its points.
 *
 * @param directory the spool's directory, created if missing; one writer at a time
 * @param maxSize the most bytes of records the spool holds (each record is a point's line
 * and a {@value SpoolFormat#RECORD_HEADER}-byte header)
 * @param sync when appended records are forced to the disk
 * @param syncInterval the longest time between two syncs with {@link SpoolSync#INTERVAL}
 * @param segmentSize the size at which a segment file is closed and a new one started:
 * the unit in which disk space is given back, and dropped when full
 */
public record SpoolSettings(Path directory, long maxSize, SpoolSync sync, Duration syncInterval, long segmentSize) {

	/** The smallest segment: smaller ones would only multiply files. */
	static final long MIN_SEGMENT_SIZE = 4 * 1024;

	/** The largest segment: a larger one would give space back too late. */
	static final long MAX_SEGMENT_SIZE = 64L * 1024 * 1024;

	public SpoolSettings {
		Assert.notNull(directory, "Spool directory must not be null");
		Assert.isTrue(maxSize >= 2 * MIN_SEGMENT_SIZE,
				() -> "Spool max size (" + maxSize + " bytes) must be at least " + 2 * MIN_SEGMENT_SIZE + " bytes");
		Assert.notNull(sync, "Spool sync must not be null");
		Assert.isTrue(syncInterval != null && !syncInterval.isNegative() && !syncInterval.isZero(),
				() -> "Spool sync interval (" + syncInterval + ") must be positive");
		Assert.isTrue(segmentSize >= MIN_SEGMENT_SIZE && segmentSize <= maxSize / 2,
				() -> "Spool segment size (" + segmentSize + " bytes) must be between " + MIN_SEGMENT_SIZE
						+ " bytes and half the max size (" + maxSize + " bytes)");
	}

	/**
	 * Settings whose segments are an eighth of the max size (between 4 KiB and 64 MiB),
	 * so that a full spool can give space back, or drop its oldest points, in steps of
	 * about an eighth.
	 */
	public static SpoolSettings of(Path directory, long maxSize, SpoolSync sync, Duration syncInterval) {
		long segmentSize = Math.max(MIN_SEGMENT_SIZE, Math.min(MAX_SEGMENT_SIZE, maxSize / 8));
		return new SpoolSettings(directory, maxSize, sync, syncInterval, segmentSize);
	}

}

package io.cnosdb.spring.core.batch.spool;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A batch writer's spool at one moment, for health checks and metrics.
 *
 * @param directory the spool's directory
 * @param bytes the bytes of records in its segment files
 * @param maxSize the most bytes of records it may hold
 * @param segments its segment files
 * @param points the points not yet acknowledged by the server
 * @param oldestUnacknowledged how long ago the oldest of them was accepted, or
 * {@code null} if there is none
 * @param recoveredPoints the points a previous writer left unacknowledged, sent again by
 * this one
 * @param droppedPoints the points dropped to make room since the writer started
 */
public record SpoolStatus(Path directory, long bytes, long maxSize, int segments, long points,
		@Nullable Duration oldestUnacknowledged, long recoveredPoints, long droppedPoints) {

	/** How full the spool is, from 0 to 1. */
	public double usage() {
		return (double) this.bytes / this.maxSize;
	}

}

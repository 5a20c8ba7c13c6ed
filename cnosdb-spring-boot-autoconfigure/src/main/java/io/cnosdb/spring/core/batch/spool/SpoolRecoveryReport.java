package io.cnosdb.spring.core.batch.spool;

/**
 * What a spool found when it was opened: what a previous writer left unacknowledged, to
 * be sent before any new point, and what it had to discard.
 *
 * @param segments the segment files that hold unacknowledged points
 * @param points the unacknowledged points
 * @param payloadBytes the bytes of line protocol of those points
 * @param tornRecords the segments that ended in a record cut short or damaged (the writer
 * died in the middle of an append, or the disk lost a write): each was cut before that
 * record, its earlier records kept
 * @param discardedBytes the bytes cut off those segments
 */
public record SpoolRecoveryReport(int segments, long points, long payloadBytes, int tornRecords, long discardedBytes) {

	/** Whether the previous writer left nothing to send and nothing damaged. */
	public boolean isEmpty() {
		return this.points == 0 && this.tornRecords == 0;
	}

}

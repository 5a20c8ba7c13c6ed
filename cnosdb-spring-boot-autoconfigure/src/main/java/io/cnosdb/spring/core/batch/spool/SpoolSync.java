package io.cnosdb.spring.core.batch.spool;

/**
 * When a spool forces what it appended to the disk ({@code fsync}). Whatever the choice,
 * a point is in the operating system's cache once its write returns, so a crash of the
 * application loses nothing; the choice decides what a power loss or an operating-system
 * crash can lose.
 */
public enum SpoolSync {

	/**
	 * Before each write returns: a power loss loses no point whose write returned. The
	 * slowest: every write waits for the disk.
	 */
	WRITE,

	/**
	 * At most every sync interval, and when a segment is closed: a power loss can lose
	 * the points written in the last interval.
	 */
	INTERVAL,

	/**
	 * Only when a segment is closed (full, or the writer closes): a power loss can lose
	 * the points of the segment being written.
	 */
	CLOSE

}

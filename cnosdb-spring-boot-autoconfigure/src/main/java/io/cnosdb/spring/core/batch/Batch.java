package io.cnosdb.spring.core.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A batch: whole lines of line protocol, and where each ends. Its arrays are reused once
 * it has been sent, so they grow to the usual batch size once and are then filled in
 * place. Not thread-safe: the {@link BatchBuffer} hands it from the callers that fill it
 * to the flush thread that sends it under its lock.
 */
final class Batch {

	private byte[] bytes = new byte[8192];

	private int size;

	private int[] ends = new int[64];

	private int points;

	private long sequence;

	private long firstNanos;

	/** Appends the whole lines {@code lines[start .. start + length)} as one point. */
	void add(byte[] lines, int start, int length) {
		if (this.size + length > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.size + length, this.bytes.length * 2));
		}
		System.arraycopy(lines, start, this.bytes, this.size, length);
		this.size += length;
		if (this.points == this.ends.length) {
			this.ends = Arrays.copyOf(this.ends, this.points * 2);
		}
		this.ends[this.points++] = this.size;
	}

	/** The encoded lines, valid up to {@link #size()}, to send without a copy. */
	byte[] bytes() {
		return this.bytes;
	}

	/** How many bytes of {@link #bytes()} hold lines. */
	int size() {
		return this.size;
	}

	/** How many bytes the batch could hold without growing. */
	int capacity() {
		return this.bytes.length;
	}

	/** How many points (lines) the batch holds. */
	int points() {
		return this.points;
	}

	/** The place of the batch in the order batches are handed over to be sent. */
	long sequence() {
		return this.sequence;
	}

	void sequence(long sequence) {
		this.sequence = sequence;
	}

	/** When the batch's first point was added, from {@link System#nanoTime()}. */
	long firstNanos() {
		return this.firstNanos;
	}

	void firstNanos(long firstNanos) {
		this.firstNanos = firstNanos;
	}

	/** Empties the batch for reuse, keeping its arrays. */
	void clear() {
		this.size = 0;
		this.points = 0;
		this.sequence = 0;
		this.firstNanos = 0;
	}

	/** The lines, without their line terminators, for the failure handler. */
	List<String> lines() {
		List<String> lines = new ArrayList<>(this.points);
		int start = 0;
		for (int i = 0; i < this.points; i++) {
			int end = this.ends[i];
			lines.add(new String(this.bytes, start, end - start - 1, StandardCharsets.UTF_8));
			start = end;
		}
		return lines;
	}

}

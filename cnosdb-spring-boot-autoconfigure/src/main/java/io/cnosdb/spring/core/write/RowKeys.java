package io.cnosdb.spring.core.write;

import java.util.Arrays;

/**
 * The tag and field keys of the row a {@link LineProtocolRowWriter} is writing, so that a
 * key used twice is refused as {@link Point} refuses it, and default tags are left out
 * where the row has a key of their name. Reused row after row: once its arrays have grown
 * to the widest row, it allocates nothing.
 * <p>
 * Rows written one after another mostly repeat the keys of the row before, as the same
 * {@code String} instances (literals, constants) in the same order. The keys are kept
 * from row to row, so that a key that is the very instance the last row had at its
 * position is known to be new without comparing it with any other: the kept keys are
 * always distinct from each other. Only a key that differs from the last row's there is
 * looked up. Up to {@value #SCANNED_KEYS} keys a lookup scans them, which costs less than
 * hashing; past that an open-addressing index of the keys keeps lookups constant, so a
 * row of thousands of fields is not checked in quadratic time. Not thread-safe.
 */
final class RowKeys {

	/**
	 * Up to this many keys a lookup scans them; {@link Point} draws the line at the same
	 * count.
	 */
	private static final int SCANNED_KEYS = 16;

	/**
	 * The keys of the row, at {@code [0, count)}, followed by those of an earlier row up
	 * to {@code known}: all distinct from one another, so that a key identical to the one
	 * at {@code count} is not among the row's keys.
	 */
	private String[] keys = new String[SCANNED_KEYS];

	private int count;

	private int known;

	/**
	 * Slots holding a key's index plus one (0 for free), built once the row has more than
	 * {@value #SCANNED_KEYS} keys; its length is a power of two at least twice the keys.
	 */
	private int[] index = new int[0];

	private boolean indexed;

	/**
	 * Starts the keys of the next row, keeping those of the last to recognise them; they
	 * stay referenced until another row replaces them or {@link #forget()} is called.
	 */
	void clear() {
		this.count = 0;
		if (this.indexed) {
			Arrays.fill(this.index, 0);
			this.indexed = false;
		}
	}

	/** How many keys the row has. */
	int size() {
		return this.count;
	}

	/** Forgets the keys of the last row too, letting go of the caller's strings. */
	void forget() {
		clear();
		Arrays.fill(this.keys, 0, this.known, null);
		this.known = 0;
	}

	/**
	 * The position of the key among the row's keys, in the order they were added, or -1.
	 */
	int indexOf(String key) {
		if (this.count < this.known && this.keys[this.count] == key) {
			// The last row's key at this position, which differs from all before it.
			return -1;
		}
		if (!this.indexed) {
			for (int i = 0; i < this.count; i++) {
				if (key.equals(this.keys[i])) {
					return i;
				}
			}
			return -1;
		}
		int mask = this.index.length - 1;
		for (int slot = spread(key.hashCode()) & mask;; slot = (slot + 1) & mask) {
			int entry = this.index[slot];
			if (entry == 0) {
				return -1;
			}
			if (key.equals(this.keys[entry - 1])) {
				return entry - 1;
			}
		}
	}

	/** Adds a key the row does not have yet. */
	void add(String key) {
		if (this.count < this.known && this.keys[this.count] == key) {
			this.count++;
		}
		else {
			if (this.count == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, this.count * 2);
			}
			this.keys[this.count++] = key;
			if (this.count < this.known) {
				// Let go of the earlier row's keys after this one: with known = count
				// they are no longer read.
				Arrays.fill(this.keys, this.count, this.known, null);
			}
			this.known = this.count;
		}
		if (this.indexed && 2 * this.count <= this.index.length) {
			insert(this.count - 1);
		}
		else if (this.count > SCANNED_KEYS) {
			reindex();
		}
	}

	private void reindex() {
		int length = Integer.highestOneBit(this.count * 4 - 1);
		if (this.index.length < length) {
			this.index = new int[length];
		}
		else {
			Arrays.fill(this.index, 0);
		}
		this.indexed = true;
		for (int i = 0; i < this.count; i++) {
			insert(i);
		}
	}

	private void insert(int position) {
		int mask = this.index.length - 1;
		int slot = spread(this.keys[position].hashCode()) & mask;
		while (this.index[slot] != 0) {
			slot = (slot + 1) & mask;
		}
		this.index[slot] = position + 1;
	}

	private static int spread(int hash) {
		return hash ^ (hash >>> 16);
	}

}

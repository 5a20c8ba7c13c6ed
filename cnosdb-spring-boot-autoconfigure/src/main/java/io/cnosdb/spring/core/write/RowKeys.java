package io.cnosdb.spring.core.write;

import java.util.Arrays;

/**
 * The tag and field keys of the row a {@link LineProtocolRowWriter} is writing, so that a
 * key used twice is refused as {@link Point} refuses it, and default tags are left out
 * where the row has a key of their name. Reused row after row: once its arrays have grown
 * to the widest row, it allocates nothing.
 * <p>
 * Up to {@value #SCANNED_KEYS} keys a lookup scans them, which costs less than hashing;
 * past that an open-addressing index of the keys keeps lookups constant, so a row of
 * thousands of fields is not checked in quadratic time. Not thread-safe.
 */
final class RowKeys {

	/**
	 * Up to this many keys a lookup scans them; {@link Point} draws the line at the same
	 * count.
	 */
	private static final int SCANNED_KEYS = 16;

	private String[] keys = new String[SCANNED_KEYS];

	private int count;

	/**
	 * Slots holding a key's index plus one (0 for free), built once the row has more than
	 * {@value #SCANNED_KEYS} keys; its length is a power of two at least twice the keys.
	 */
	private int[] index = new int[0];

	private boolean indexed;

	/** Forgets the keys of the last row, and lets go of the caller's strings. */
	void clear() {
		Arrays.fill(this.keys, 0, this.count, null);
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

	/**
	 * The position of the key among the row's keys, in the order they were added, or -1.
	 */
	int indexOf(String key) {
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
		if (this.count == this.keys.length) {
			this.keys = Arrays.copyOf(this.keys, this.count * 2);
		}
		this.keys[this.count++] = key;
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

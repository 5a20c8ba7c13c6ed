package io.cnosdb.spring.core.write;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The line protocol bytes of names an encoder has written, so that the measurement, tag keys and field keys a
 * writer repeats on every point are checked, escaped and encoded once and then copied.
 * <p>
 * Memory stays bounded whatever the names: there is a fixed number of slots, each keeps the first name that
 * lands in it, and long names are not kept. Once the names a writer uses are in, nothing is allocated. Slots
 * are read and written without locks: entries are immutable, so a thread sees either no entry or a complete
 * one, and two threads filling the same slot only repeat work.
 */
final class EscapedNames {

	private static final int SLOTS = 512;

	/** Longer names are rare as keys, and copying them costs more than looking them up saves. */
	private static final int MAX_NAME_LENGTH = 64;

	private final @Nullable Entry[] entries = new Entry[SLOTS];

	/**
	 * The bytes written for {@code name} in the given role, or {@code null} if not kept.
	 * @param role what the name is and where it stands, as the encoder tells them apart
	 */
	byte @Nullable [] get(String name, int role) {
		Entry entry = this.entries[slot(name, role)];
		if (entry != null && entry.role == role && (entry.name == name || entry.name.equals(name))) {
			return entry.bytes;
		}
		return null;
	}

	/** Keeps the bytes {@code array[from .. to)} written for {@code name}, if its slot is free. */
	void put(String name, int role, byte[] array, int from, int to) {
		int slot = slot(name, role);
		if (name.length() <= MAX_NAME_LENGTH && this.entries[slot] == null) {
			this.entries[slot] = new Entry(name, role, Arrays.copyOfRange(array, from, to));
		}
	}

	private static int slot(String name, int role) {
		int hash = name.hashCode() * 31 + role;
		return (hash ^ (hash >>> 16)) & (SLOTS - 1);
	}

	private record Entry(String name, int role, byte[] bytes) {
	}

}

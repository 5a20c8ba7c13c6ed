package io.cnosdb.spring.core.write;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The line protocol bytes of names an encoder has written, so that the measurement, tag
 * keys and field keys a writer repeats on every point are checked, escaped and encoded
 * once and then copied.
 * <p>
 * Memory stays bounded whatever the names: there is a fixed number of slots, each keeps
 * the first name that lands in it, and long names are not kept. Once the names in use are
 * in, nothing is allocated. Slots are read and written without locks: entries are
 * immutable, so a thread sees either no entry or a complete one, and two threads filling
 * the same slot only repeat work.
 */
final class EscapedNames {

	/**
	 * How many bytes past the end of a kept name {@link #write(Name, byte[], int)} may
	 * overwrite: names of up to this many bytes are stored as two longs, which costs less
	 * than copying a short array.
	 */
	static final int WRITE_SLACK = 16;

	private static final int SLOTS = 512;

	/**
	 * Longer names are rare as keys, and copying them costs more than looking them up
	 * saves.
	 */
	private static final int MAX_NAME_LENGTH = 64;

	private static final VarHandle LONG_IN_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private final @Nullable Name[] entries = new Name[SLOTS];

	/**
	 * The bytes written for {@code name} in the given role, or {@code null} if not kept.
	 * @param role what the name is and where it stands, as the encoder tells them apart
	 */
	@Nullable Name get(String name, int role) {
		Name entry = this.entries[slot(name, role)];
		if (entry != null && entry.role == role && (entry.name == name || entry.name.equals(name))) {
			return entry;
		}
		return null;
	}

	/**
	 * Keeps the bytes {@code array[from .. to)} written for {@code name}, if its slot is
	 * free.
	 */
	void put(String name, int role, byte[] array, int from, int to) {
		int slot = slot(name, role);
		if (name.length() <= MAX_NAME_LENGTH && this.entries[slot] == null) {
			this.entries[slot] = new Name(name, role, Arrays.copyOfRange(array, from, to));
		}
	}

	/**
	 * Writes the bytes of a kept name at {@code position}; up to {@link #WRITE_SLACK}
	 * bytes after them may be overwritten too, so the array must have room for those and
	 * the caller writes over them.
	 * @return the index after the name's bytes
	 */
	static int write(Name name, byte[] array, int position) {
		if (name.bytes.length <= WRITE_SLACK) {
			LONG_IN_BYTES.set(array, position, name.firstEight);
			LONG_IN_BYTES.set(array, position + 8, name.nextEight);
		}
		else {
			System.arraycopy(name.bytes, 0, array, position, name.bytes.length);
		}
		return position + name.bytes.length;
	}

	private static int slot(String name, int role) {
		int hash = name.hashCode() * 31 + role;
		return (hash ^ (hash >>> 16)) & (SLOTS - 1);
	}

	/**
	 * A kept name; its first 16 bytes are also held as two longs, padded with zeros, to
	 * be stored at once.
	 */
	static final class Name {

		private final String name;

		private final int role;

		private final byte[] bytes;

		private final long firstEight;

		private final long nextEight;

		private Name(String name, int role, byte[] bytes) {
			this.name = name;
			this.role = role;
			this.bytes = bytes;
			byte[] padded = Arrays.copyOf(bytes, Math.max(bytes.length, WRITE_SLACK));
			this.firstEight = (long) LONG_IN_BYTES.get(padded, 0);
			this.nextEight = (long) LONG_IN_BYTES.get(padded, 8);
		}

	}

}

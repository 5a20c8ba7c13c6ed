package io.cnosdb.spring.core.write;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.cnosdb.spring.core.support.CnosMessageValues;

/**
 * Tags that an encoder adds to every point (and a {@link LineProtocolRowWriter} to every
 * row), such as the host or region the application runs in, unless the point has a tag or
 * a field of that name already: a point's own tag always wins, and a name the point uses
 * for a field is left to it, as the same name cannot be a tag and a field of one table.
 * <p>
 * The tags are checked and escaped once, as a point's tags are (see
 * {@link LineProtocolEncoder}), so a tag that cannot be written fails here, naming it,
 * rather than on every point. They are written after the point's own tags, sorted by
 * name; CnosDB, like InfluxDB, reads the tags of a line in any order. Immutable.
 */
public final class DefaultTags {

	/** No default tags: encoders write points as they are. */
	public static final DefaultTags NONE = new DefaultTags(new String[0], new byte[0][], 0, Map.of());

	private final String[] keys;

	/** Each tag as written: {@code ,key=value} escaped. */
	private final byte[][] encoded;

	private final int encodedLength;

	private final Map<String, String> tags;

	private DefaultTags(String[] keys, byte[][] encoded, int encodedLength, Map<String, String> tags) {
		this.keys = keys;
		this.encoded = encoded;
		this.encodedLength = encodedLength;
		this.tags = tags;
	}

	/**
	 * Default tags of the given names and values.
	 * @param tags tag names to values; empty for none
	 * @return the default tags
	 * @throws IllegalArgumentException if a name or value is {@code null} or cannot be
	 * written as a tag (empty, a newline, a backslash CnosDB would misread, an unpaired
	 * surrogate), naming it and the rule
	 */
	public static DefaultTags of(Map<String, String> tags) {
		if (tags == null) {
			throw new IllegalArgumentException("Default tags must not be null");
		}
		if (tags.isEmpty()) {
			return NONE;
		}
		TreeMap<String, String> sorted = new TreeMap<>();
		tags.forEach((key, value) -> {
			if (key == null) {
				throw new IllegalArgumentException("A default tag's name must not be null");
			}
			if (value == null) {
				throw new IllegalArgumentException(
						"The value of default tag '" + CnosMessageValues.abbreviate(key) + "' must not be null");
			}
			sorted.put(key, value);
		});
		String[] keys = new String[sorted.size()];
		byte[][] encoded = new byte[sorted.size()][];
		int length = 0;
		int i = 0;
		for (Map.Entry<String, String> tag : sorted.entrySet()) {
			keys[i] = tag.getKey();
			encoded[i] = LineProtocolEncoder.encodeTag(tag.getKey(), tag.getValue());
			length += encoded[i].length;
			i++;
		}
		return new DefaultTags(keys, encoded, length, Collections.unmodifiableMap(new LinkedHashMap<>(sorted)));
	}

	/** Whether there are none. */
	public boolean isEmpty() {
		return this.keys.length == 0;
	}

	/** The tags, sorted by name. */
	public Map<String, String> asMap() {
		return this.tags;
	}

	/**
	 * Writes the tags the point does not have a tag or field of, at {@code position}.
	 * @return the index after the bytes written
	 */
	int write(Point point, byte[] array, int position) {
		for (int i = 0; i < this.keys.length; i++) {
			if (!point.hasKey(this.keys[i])) {
				position = write(i, array, position);
			}
		}
		return position;
	}

	/** The most bytes {@link #write} adds to a line. */
	int maxLength() {
		return this.encodedLength;
	}

	/** How many tags there are. */
	int size() {
		return this.keys.length;
	}

	/** The name of tag {@code index}, in the order they are written. */
	String key(int index) {
		return this.keys[index];
	}

	/** The bytes of tag {@code index} as written, {@code ,key=value}. */
	int length(int index) {
		return this.encoded[index].length;
	}

	/**
	 * Writes tag {@code index} at {@code position}, for a writer that decided itself
	 * which tags a line lacks.
	 * @return the index after the bytes written
	 */
	int write(int index, byte[] array, int position) {
		byte[] tag = this.encoded[index];
		System.arraycopy(tag, 0, array, position, tag.length);
		return position + tag.length;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof DefaultTags that && this.tags.equals(that.tags));
	}

	@Override
	public int hashCode() {
		return this.tags.hashCode();
	}

	@Override
	public String toString() {
		return "DefaultTags" + this.tags;
	}

}

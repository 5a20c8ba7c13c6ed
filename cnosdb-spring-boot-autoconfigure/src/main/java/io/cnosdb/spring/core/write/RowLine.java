package io.cnosdb.spring.core.write;

import io.cnosdb.spring.core.write.LineProtocolSyntax.Element;
import io.cnosdb.spring.core.write.LineProtocolSyntax.Refusal;

/**
 * The line of the row a {@link LineProtocolRowWriter} is writing, put together in its
 * buffer past the buffer's size, so that nothing of the row is in the buffer until it
 * ends: the measurement, tags and fields as they come; the first field that can start the
 * field set moved to its front; the default tags the row lacks added after its own tags
 * when it ends, then the time. That is where {@link LineProtocolEncoder} writes each of
 * them for a point, so a row's line is its point's. The names and values are written by
 * the encoder and {@link LineProtocolSyntax}, which refuse what cannot be written with a
 * {@link Refusal}.
 * <p>
 * Reused row after row; not thread-safe.
 */
final class RowLine {

	private final LineProtocolEncoder encoder;

	private final LineProtocolBuffer buffer;

	private final DefaultTags defaultTags;

	/** Which default tags the row lacks, worked out when it ends. */
	private final boolean[] lacking;

	private final RowKeys keys = new RowKeys();

	/** The buffer's array, as of the last reservation. */
	private byte[] array = new byte[0];

	/** Where the row starts: the buffer's size when it began. */
	private int start;

	/** Where the next byte of the row goes. */
	private int position;

	private int tagCount;

	private int fieldCount;

	/** Where the first field starts, after the space that opens the field set. */
	private int fieldsStart;

	/** Whether a field that can start the field set has been written (first). */
	private boolean leaderWritten;

	/** Where the field being written starts, after its separator. */
	private int fieldStart;

	/** Whether the field being written is the first that can start the field set. */
	private boolean fieldLeads;

	RowLine(LineProtocolEncoder encoder, LineProtocolBuffer buffer) {
		this.encoder = encoder;
		this.buffer = buffer;
		this.defaultTags = encoder.defaultTags();
		this.lacking = new boolean[this.defaultTags.size()];
	}

	/** Starts a line at the buffer's end, with its measurement. */
	void start(String measurement) {
		this.keys.clear();
		this.start = this.buffer.size();
		this.position = this.start;
		this.tagCount = 0;
		this.fieldCount = 0;
		this.leaderWritten = false;
		reserve(LineProtocolSyntax.maxLength(measurement.length(), EscapedNames.WRITE_SLACK));
		this.position = this.encoder.writeKey(measurement, Element.MEASUREMENT, true, this.array, this.position);
	}

	/** Forgets the dropped row's keys, and those kept of earlier rows. */
	void clear() {
		this.keys.forget();
	}

	/**
	 * The position of a key among the row's tag keys and then its field keys, or -1 if
	 * the row has no tag or field of that name.
	 */
	int indexOfKey(String key) {
		return this.keys.indexOf(key);
	}

	/** Whether the key at that position of {@link #indexOfKey(String)} is a tag's. */
	boolean isTag(int index) {
		return index < this.tagCount;
	}

	/** How many fields the row has. */
	int fieldCount() {
		return this.fieldCount;
	}

	/** Writes a tag whose key the row does not have yet; tags come before fields. */
	void addTag(String key, String value) {
		this.keys.add(key);
		reserve(LineProtocolSyntax.maxLength((long) key.length() + value.length(), 2L + EscapedNames.WRITE_SLACK));
		byte[] bytes = this.array;
		int at = this.position;
		bytes[at++] = ',';
		at = this.encoder.writeKey(key, Element.TAG_KEY, false, bytes, at);
		bytes[at++] = '=';
		this.position = LineProtocolSyntax.writeName(value, Element.TAG_VALUE, false, bytes, at);
		this.tagCount++;
	}

	/**
	 * Writes the separator, key and {@code =} of a field whose key the row does not have
	 * yet; write its value into {@link #array()} from the index returned, then call
	 * {@link #endField(int)} with where it ends.
	 * @param textChars chars of a string value, 0 for other values
	 * @param valueBytes the most bytes of the value besides its chars
	 * @return where the value goes
	 */
	int startField(String key, int textChars, int valueBytes) {
		this.keys.add(key);
		this.fieldLeads = !this.leaderWritten && LineProtocolSyntax.canStartToken(key, Element.FIELD_KEY);
		// Room to park the fields before a leading one while it moves to the front.
		int parking = (this.fieldLeads && this.fieldCount > 0) ? this.position - this.fieldsStart : 0;
		reserve(LineProtocolSyntax.maxLength((long) key.length() + textChars,
				2L + valueBytes + EscapedNames.WRITE_SLACK + parking));
		byte[] bytes = this.array;
		if (this.fieldCount == 0) {
			bytes[this.position++] = ' ';
			this.fieldsStart = this.position;
		}
		else {
			bytes[this.position++] = ',';
		}
		this.fieldStart = this.position;
		int end = this.encoder.writeKey(key, Element.FIELD_KEY, this.fieldLeads, bytes, this.fieldStart);
		bytes[end] = '=';
		return end + 1;
	}

	/** The array to write a field's value into, between its start and end. */
	byte[] array() {
		return this.array;
	}

	/**
	 * Ends the field whose value ends at {@code end}. The first field that can start the
	 * field set moves to its front, before the fields that cannot, as the encoder writes
	 * such a point.
	 */
	void endField(int end) {
		this.position = end;
		this.fieldCount++;
		if (this.fieldLeads) {
			this.leaderWritten = true;
			if (this.fieldStart != this.fieldsStart) {
				moveFieldToFront();
			}
		}
	}

	/**
	 * Checks what only the whole row can tell: that it has a field, and one that can
	 * start the field set.
	 * @throws Refusal if not
	 */
	void checkFields() {
		if (this.fieldCount == 0) {
			throw new Refusal(LineProtocolSyntax.NO_FIELD);
		}
		if (!this.leaderWritten) {
			throw new Refusal(LineProtocolSyntax.NO_LEADING_FIELD);
		}
	}

	/**
	 * Ends the line: adds the default tags the row lacks, writes the time and commits the
	 * line to the buffer.
	 * @param withTime whether the line has a time; without, the server stamps it
	 * @param timestamp the time in the encoder's precision
	 * @return where the line starts in the buffer
	 */
	int end(boolean withTime, long timestamp) {
		int defaults = lackingDefaultTags();
		reserve(defaults + 2 + LineProtocolSyntax.MAX_TIMESTAMP_LENGTH);
		if (defaults > 0) {
			insertDefaultTags(defaults);
		}
		byte[] bytes = this.array;
		if (withTime) {
			bytes[this.position++] = ' ';
			this.position = LineProtocolSyntax.writeTimestamp(timestamp, bytes, this.position);
		}
		bytes[this.position++] = '\n';
		this.buffer.commit(this.position);
		this.keys.clear();
		return this.start;
	}

	/**
	 * Makes room for {@code extra} bytes past the row's end, which is past the buffer's
	 * size until the row is committed.
	 */
	private void reserve(int extra) {
		this.array = this.buffer.reserve(this.position - this.buffer.size() + extra);
	}

	/**
	 * Turns {@code before,field} into {@code field,before}, parking {@code before} past
	 * the row's end meanwhile.
	 */
	private void moveFieldToFront() {
		byte[] bytes = this.array;
		int before = this.fieldStart - 1 - this.fieldsStart;
		int length = this.position - this.fieldStart;
		System.arraycopy(bytes, this.fieldsStart, bytes, this.position, before);
		System.arraycopy(bytes, this.fieldStart, bytes, this.fieldsStart, length);
		bytes[this.fieldsStart + length] = ',';
		System.arraycopy(bytes, this.position, bytes, this.fieldsStart + length + 1, before);
	}

	/**
	 * Marks the default tags the row has no tag or field of.
	 * @return the bytes they take
	 */
	private int lackingDefaultTags() {
		int length = 0;
		for (int i = 0; i < this.lacking.length; i++) {
			this.lacking[i] = this.keys.indexOf(this.defaultTags.key(i)) < 0;
			if (this.lacking[i]) {
				length += this.defaultTags.length(i);
			}
		}
		return length;
	}

	/**
	 * Writes the lacking default tags after the row's own tags, where the encoder writes
	 * them, moving the field set behind them.
	 */
	private void insertDefaultTags(int length) {
		byte[] bytes = this.array;
		int tagsEnd = this.fieldsStart - 1;
		System.arraycopy(bytes, tagsEnd, bytes, tagsEnd + length, this.position - tagsEnd);
		int at = tagsEnd;
		for (int i = 0; i < this.lacking.length; i++) {
			if (this.lacking[i]) {
				at = this.defaultTags.write(i, bytes, at);
			}
		}
		this.position += length;
		this.fieldsStart += length;
	}

}

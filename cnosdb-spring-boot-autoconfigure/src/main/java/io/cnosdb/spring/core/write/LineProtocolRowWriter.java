package io.cnosdb.spring.core.write;

import java.math.BigInteger;
import java.time.Instant;

import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.LineProtocolSyntax.Refusal;

/**
 * Writes rows of line protocol straight into a {@link LineProtocolBuffer}, without
 * {@link Point} objects: a measurement, its tags, its typed fields and a time, each
 * written into the buffer as it is given. <pre class="code">
 * writer.row("air")
 * 	.tag("station", "XiaoMaiDao")
 * 	.field("visibility", 56.0)
 * 	.field("count", 3L)
 * 	.at(1666165200290401000L, CnosPrecision.NS);
 * </pre>
 * <p>
 * A row comes out byte for byte as the {@link LineProtocolEncoder} it writes through
 * would encode the {@code Point} of the same calls: the same escaping, the same
 * precision, the same default tags, and the same refusals. Each call is checked as it is
 * made, so a bad name or value fails at the call that gave it, with the
 * {@link IllegalArgumentException} the encoder would throw for such a point (naming the
 * row instead of a point, {@code Row 'air' cannot be written as line protocol: ...}); a
 * row with several faults is refused for the first one given. A refused row leaves
 * nothing of itself in the buffer, and no row is left open: start the next one with
 * {@link #row(String)}.
 * <p>
 * Tags come before fields, as in a line; a field whose key starts with {@code ,}, space
 * or {@code =} is moved behind the first one that can start the field set, as the encoder
 * does. The time ends the row: {@link Row#at(long, CnosPrecision)},
 * {@link Row#at(Instant)}, or {@link Row#atNow()} to let the server stamp it; only then
 * is the row's line committed to the buffer and handed to the {@link Listener}.
 * <p>
 * Writing a row allocates nothing once the writer has seen the names in use and its
 * buffer has grown to the rows' size: the names come from the encoder's cache, and the
 * writer keeps its state in reused arrays. Not thread-safe: one writer per thread.
 */
public final class LineProtocolRowWriter {

	private static final Listener NO_LISTENER = (buffer, start) -> {
	};

	private final LineProtocolEncoder encoder;

	private final LineProtocolBuffer buffer;

	private final Listener listener;

	private final RowLine line;

	private final Row row;

	/** Whether a row is being written. */
	private boolean open;

	private String measurement = "";

	/**
	 * Creates a writer that appends rows to the buffer.
	 * @param encoder the encoder whose precision, default tags and rules apply
	 * @param buffer the buffer the rows go to
	 */
	public LineProtocolRowWriter(LineProtocolEncoder encoder, LineProtocolBuffer buffer) {
		this(encoder, buffer, NO_LISTENER);
	}

	/**
	 * Creates a writer that appends rows to the buffer and tells the listener of each
	 * one's end.
	 * @param encoder the encoder whose precision, default tags and rules apply
	 * @param buffer the buffer the rows go to
	 * @param listener told of every row written or dropped
	 */
	public LineProtocolRowWriter(LineProtocolEncoder encoder, LineProtocolBuffer buffer, Listener listener) {
		if (encoder == null || buffer == null || listener == null) {
			throw new IllegalArgumentException("Encoder, buffer and listener must not be null");
		}
		this.encoder = encoder;
		this.buffer = buffer;
		this.listener = listener;
		this.line = new RowLine(encoder, buffer);
		this.row = new Row(this.line);
	}

	/**
	 * Starts a row of the given measurement (CnosDB table).
	 * @param measurement the measurement, not {@code null}
	 * @return the row, to add tags, fields and its time to; valid until its time ends it
	 * @throws IllegalArgumentException if the measurement cannot be written (no row is
	 * then open)
	 * @throws IllegalStateException if a row is being written: it is dropped, and no new
	 * one started
	 */
	public Row row(String measurement) {
		if (this.open) {
			String unfinished = describe();
			dropRow();
			throw new IllegalStateException(unfinished + " was not finished: it is dropped; end each row with at(...) "
					+ "or atNow() before starting another");
		}
		this.open = true;
		this.measurement = (measurement != null) ? measurement : "";
		try {
			if (measurement == null) {
				throw new IllegalArgumentException("Row measurement must not be null");
			}
			this.line.start(measurement);
			return this.row;
		}
		catch (RuntimeException ex) {
			throw refused(ex);
		}
	}

	/** Whether a row has been started and not yet ended. */
	public boolean isWritingRow() {
		return this.open;
	}

	/**
	 * Drops the row being written, if any: nothing of it stays in the buffer, and the
	 * listener is told.
	 */
	public void dropRow() {
		if (this.open) {
			this.open = false;
			this.line.clear();
			this.listener.rowDropped();
		}
	}

	private void requireRow() {
		if (!this.open) {
			throw new IllegalStateException("No row is being written: start one with row(measurement); a row ends "
					+ "with at(...) or atNow(), or when one of its calls fails");
		}
	}

	/**
	 * Checks a new key as {@link Point} does: not null, not a key of the row already.
	 */
	private void checkNewKey(String key, String kind) {
		if (key == null) {
			throw new IllegalArgumentException(describe() + ": " + kind + " key must not be null");
		}
		int existing = this.line.indexOfKey(key);
		if (existing >= 0) {
			throw new IllegalArgumentException(describe() + ": duplicate key '" + CnosMessageValues.abbreviate(key)
					+ "', already used for a " + (this.line.isTag(existing) ? "tag" : "field"));
		}
	}

	private void requireValue(String key, Object value) {
		if (value == null) {
			throw new IllegalArgumentException(describe() + ": value of '"
					+ CnosMessageValues.abbreviate(String.valueOf(key)) + "' must not be null");
		}
	}

	/** Starts a field after checking its key; see {@link RowLine#startField}. */
	private int startField(String key, int textChars, int valueBytes) {
		requireRow();
		checkNewKey(key, "field");
		return this.line.startField(key, textChars, valueBytes);
	}

	/**
	 * Ends the row, committing its line, and tells the listener, outside the refusal
	 * handling of the row's calls: the listener may hand this writer to another thread,
	 * so nothing here touches it afterwards, and what the listener throws reaches the
	 * caller as it is.
	 */
	private void end(boolean withTime, long timestamp) {
		int start;
		try {
			start = this.line.end(withTime, timestamp);
		}
		catch (RuntimeException ex) {
			throw refused(ex);
		}
		this.open = false;
		this.listener.rowWritten(this.buffer, start);
	}

	/** The time in the encoder's precision, refused as the encoder refuses a point's. */
	private long units(long epochSecond, int nanoOfSecond) {
		try {
			return EpochTimes.units(epochSecond, nanoOfSecond, this.encoder.precision());
		}
		catch (EpochTimes.UnrepresentableTimeException ex) {
			throw new Refusal("time " + Instant.ofEpochSecond(epochSecond, nanoOfSecond) + " " + ex.getMessage());
		}
	}

	/**
	 * Drops the row a call failed in, and words the failure: a rule of the line protocol
	 * as the encoder words a point's refusal, naming the row.
	 */
	private RuntimeException refused(RuntimeException ex) {
		String subject = describe();
		dropRow();
		if (ex instanceof Refusal) {
			return new IllegalArgumentException(subject + " cannot be written as line protocol: " + ex.getMessage());
		}
		return ex;
	}

	private String describe() {
		return "Row '" + CnosMessageValues.abbreviate(this.measurement) + "'";
	}

	/**
	 * Told of the end of each row a {@link LineProtocolRowWriter} starts, so that its
	 * owner can take the row (count it, queue it) or free what the row used.
	 */
	public interface Listener {

		/**
		 * A row was written: its line is {@code buffer.array()[start .. buffer.size())},
		 * committed. Called from the call that ended the row, whose caller gets any
		 * exception this throws; the row is ended either way. The writer does nothing
		 * more with the row afterwards, so this may hand the writer on.
		 */
		void rowWritten(LineProtocolBuffer buffer, int start);

		/**
		 * A row was dropped, refused or by {@link #dropRow()}: nothing of it is in the
		 * buffer.
		 */
		default void rowDropped() {
		}

	}

	/**
	 * A row being written: its tags, then its fields, then one of the {@code at} methods,
	 * which ends it. Each method returns this row; once the row has ended (or a call has
	 * failed, which drops it), start the next one from the writer rather than keeping
	 * this object.
	 */
	public final class Row {

		private final RowLine line;

		private Row(RowLine line) {
			this.line = line;
		}

		/**
		 * Adds a tag. Tag values are always strings in CnosDB. Tags come before fields.
		 * @return this row
		 * @throws IllegalArgumentException if the key or value is {@code null}, the key
		 * is already a tag or field of the row, or either cannot be written
		 * @throws IllegalStateException if the row has a field already
		 */
		public Row tag(String key, String value) {
			try {
				requireRow();
				if (this.line.fieldCount() > 0) {
					throw new IllegalStateException(
							describe() + ": tag '" + CnosMessageValues.abbreviate(String.valueOf(key))
									+ "' comes after a field; a row's tags come before its fields");
				}
				checkNewKey(key, "tag");
				requireValue(key, value);
				this.line.addTag(key, value);
				return this;
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
		}

		/**
		 * Adds a signed 64-bit integer field (written with an {@code i} suffix, a BIGINT
		 * column).
		 * @return this row
		 */
		public Row field(String key, long value) {
			try {
				int at = startField(key, 0, LineProtocolSyntax.MAX_VALUE_LENGTH);
				this.line.endField(LineProtocolSyntax.writeLong(value, this.line.array(), at));
				return this;
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
		}

		/**
		 * Adds a floating-point field (a DOUBLE column). NaN and the infinities are
		 * written as {@code +NaN}, {@code +inf} and {@code -inf}, which CnosDB stores as
		 * such.
		 * @return this row
		 */
		public Row field(String key, double value) {
			try {
				int at = startField(key, 0, LineProtocolSyntax.MAX_VALUE_LENGTH);
				this.line.endField(LineProtocolSyntax.writeDouble(value, this.line.array(), at));
				return this;
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
		}

		/**
		 * Adds a boolean field.
		 * @return this row
		 */
		public Row field(String key, boolean value) {
			try {
				int at = startField(key, 0, LineProtocolSyntax.MAX_VALUE_LENGTH);
				this.line.endField(LineProtocolSyntax.writeBoolean(value, this.line.array(), at));
				return this;
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
		}

		/**
		 * Adds a string field. Any text is allowed, including quotes, backslashes and
		 * newlines.
		 * @return this row
		 */
		public Row field(String key, String value) {
			try {
				requireRow();
				requireValue(key, value);
				int at = startField(key, value.length(), 2);
				this.line.endField(LineProtocolSyntax.writeString(key, value, this.line.array(), at));
				return this;
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
		}

		/**
		 * Adds an unsigned 64-bit field (written with a {@code u} suffix, a BIGINT
		 * UNSIGNED column). The bits of {@code value} are read as unsigned, so
		 * {@code -1L} stands for 2<sup>64</sup>-1, as with
		 * {@link Long#toUnsignedString(long)}.
		 * @return this row
		 */
		public Row unsignedField(String key, long value) {
			try {
				int at = startField(key, 0, LineProtocolSyntax.MAX_VALUE_LENGTH);
				this.line.endField(LineProtocolSyntax.writeUnsigned(value, this.line.array(), at));
				return this;
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
		}

		/**
		 * Adds an unsigned 64-bit field from a value between 0 and 2<sup>64</sup>-1.
		 * @return this row
		 * @throws IllegalArgumentException if the value is {@code null} or out of range
		 */
		public Row unsignedField(String key, BigInteger value) {
			long bits;
			try {
				requireRow();
				requireValue(key, value);
				bits = Point.unsignedBits(value, () -> describe() + ": unsigned field '"
						+ CnosMessageValues.abbreviate(String.valueOf(key)) + "'");
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
			return unsignedField(key, bits);
		}

		/**
		 * Ends the row with its time, a count of {@code precision} units since the epoch,
		 * and commits its line.
		 * @throws IllegalArgumentException if the row has no field, or the time cannot be
		 * written exactly in the writer's precision (see {@link LineProtocolEncoder})
		 */
		public void at(long timestamp, CnosPrecision precision) {
			long units;
			try {
				requireRow();
				if (precision == null) {
					throw new IllegalArgumentException(describe() + ": precision must not be null");
				}
				this.line.checkFields();
				units = (precision == LineProtocolRowWriter.this.encoder.precision()) ? timestamp : units(
						EpochTimes.epochSecond(timestamp, precision), EpochTimes.nanoOfSecond(timestamp, precision));
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
			end(true, units);
		}

		/**
		 * Ends the row with its time, at its full nanosecond resolution, and commits its
		 * line.
		 * @throws IllegalArgumentException if the row has no field, or the time cannot be
		 * written exactly in the writer's precision
		 */
		public void at(Instant time) {
			long units;
			try {
				requireRow();
				if (time == null) {
					throw new IllegalArgumentException(describe() + ": time must not be null");
				}
				this.line.checkFields();
				units = units(time.getEpochSecond(), time.getNano());
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
			end(true, units);
		}

		/**
		 * Ends the row without a time, for the server to stamp it with its clock, and
		 * commits its line. Only in nanosecond precision: CnosDB fills a missing time in
		 * nanoseconds whatever the precision.
		 * @throws IllegalArgumentException if the row has no field, or the writer's
		 * precision is not nanoseconds
		 */
		public void atNow() {
			try {
				requireRow();
				this.line.checkFields();
				CnosPrecision precision = LineProtocolRowWriter.this.encoder.precision();
				if (precision != CnosPrecision.NS) {
					throw new Refusal(LineProtocolSyntax.timeRequired(precision));
				}
			}
			catch (RuntimeException ex) {
				throw refused(ex);
			}
			end(false, 0);
		}

	}

}

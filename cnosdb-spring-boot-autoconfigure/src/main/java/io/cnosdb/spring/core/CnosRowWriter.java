package io.cnosdb.spring.core;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.EncodeBuffers;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.LineProtocolRowWriter;
import io.cnosdb.spring.core.write.LineProtocolSender;

import org.springframework.util.Assert;

/**
 * Writes rows without {@link io.cnosdb.spring.core.write.Point Point} objects, straight
 * into the template's encode buffer, and sends them in one request on {@link #flush()}
 * and {@link #close()}: <pre class="code">
 * try (CnosRowWriter rows = template.rows()) {
 * 	for (Reading reading : readings) {
 * 		rows.row("air")
 * 			.tag("station", reading.station())
 * 			.field("temperature", reading.temperature())
 * 			.at(reading.time());
 * 	}
 * }
 * </pre> Each row is checked as it is written and comes out as the template would write
 * the {@code Point} of the same calls: same escaping, precision, default tags and
 * refusals (see {@link LineProtocolRowWriter}). A refused row leaves nothing behind, and
 * the rows before it are kept.
 * <p>
 * The rows written between two flushes go in one request, which the server accepts or
 * refuses as a whole, as a {@code write(points)} call; if it fails, they are dropped and
 * the exception says why. Flush every few thousand rows to bound the buffer. Closing
 * sends what is left and hands the buffer back to the template for its next write; a row
 * left unfinished then (its code threw) is dropped. Obtained from
 * {@link CnosWriteOperations#rows()}; not thread-safe: one per thread.
 */
public final class CnosRowWriter implements AutoCloseable {

	private final LineProtocolSender sender;

	private final CnosPrecision precision;

	private final EncodeBuffers buffers;

	private final LineProtocolBuffer buffer;

	private final LineProtocolRowWriter writer;

	private int rowCount;

	private boolean closed;

	/**
	 * A writer of rows sent through {@code sender}, in a buffer taken from
	 * {@code buffers} and handed back on close.
	 * @param sender sends the rows
	 * @param encoder the encoder of the rows' precision and default tags
	 * @param buffers lends the buffer the rows are written into
	 */
	CnosRowWriter(LineProtocolSender sender, LineProtocolEncoder encoder, EncodeBuffers buffers) {
		this.sender = sender;
		this.precision = encoder.precision();
		this.buffers = buffers;
		this.buffer = buffers.take(8192);
		this.writer = new LineProtocolRowWriter(encoder, this.buffer, (buffer, start) -> this.rowCount++);
	}

	/**
	 * Starts a row of the given measurement (CnosDB table); add its tags, then its
	 * fields, then end it with {@code at(...)} or {@code atNow()}.
	 * @throws IllegalArgumentException if the measurement cannot be written
	 * @throws IllegalStateException if the writer is closed, or the last row was not
	 * ended (it is dropped)
	 */
	public LineProtocolRowWriter.Row row(String measurement) {
		Assert.state(!this.closed, "The row writer is closed");
		return this.writer.row(measurement);
	}

	/** The rows written and not yet sent. */
	public int getRowCount() {
		return this.rowCount;
	}

	/**
	 * The precision of the rows' timestamps: the template's write precision or the one
	 * asked for.
	 */
	public CnosPrecision getPrecision() {
		return this.precision;
	}

	/**
	 * Sends the rows written so far in one request, if there are any.
	 * @throws IllegalStateException if a row is not ended, or the writer is closed
	 * @throws org.springframework.dao.DataAccessException if the write fails; the rows
	 * are dropped
	 */
	public void flush() {
		Assert.state(!this.closed, "The row writer is closed");
		Assert.state(!this.writer.isWritingRow(), "A row is not ended: end it with at(...) or atNow() before flush()");
		send();
	}

	/**
	 * Sends the rows written so far, dropping a row not ended, and hands the buffer back.
	 * Calling it again does nothing.
	 * @throws org.springframework.dao.DataAccessException if the write fails
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.writer.dropRow();
		try {
			send();
		}
		finally {
			this.buffers.giveBack(this.buffer);
		}
	}

	private void send() {
		if (this.rowCount == 0) {
			return;
		}
		try {
			this.sender.sendLineProtocol(this.buffer.array(), this.buffer.size(), this.precision,
					"writing " + this.rowCount + " row(s)");
		}
		finally {
			this.buffer.reset();
			this.rowCount = 0;
		}
	}

}

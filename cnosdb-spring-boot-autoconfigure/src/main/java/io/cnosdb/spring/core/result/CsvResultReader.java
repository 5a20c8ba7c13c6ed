package io.cnosdb.spring.core.result;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a CnosDB CSV answer row by row, straight from the response stream, on bytes:
 * memory holds one buffer (64 KiB, larger only while a single row does not fit) whatever
 * the size of the result, and no value becomes a {@code String} unless a caller asks for
 * one.
 * <p>
 * Each row is split into cells recorded as byte ranges of the buffer; {@link CnosRow}
 * reads them. The structural characters (comma, quote, CR, LF) are ASCII, so they are
 * found without decoding UTF-8. Quoting follows RFC 4180 as the server writes it: a
 * quoted cell may hold commas, line breaks and doubled quotes, which are unescaped in
 * place. Rows end with LF, CRLF or CR. The first row is the header. An empty body, which
 * the server sends for statements without a result, has no columns and no rows.
 * <p>
 * A query that fails after the server has sent its 200 (a streamed answer: the server
 * sends each record batch as it comes) ends with the server's JSON error object straight
 * after the rows already sent, at the start of a line. A line that starts with
 * <code>{"</code> cannot be a row, since the server quotes every value holding a quote,
 * so the reader takes it for that error and throws a {@link ServerErrorException} where
 * the row would be, after the rows before it were handed out.
 */
public final class CsvResultReader implements Closeable {

	public static final int DEFAULT_BUFFER_SIZE = 64 * 1024;

	/** The largest array the JVM allocates reliably. */
	private static final int MAX_BUFFER_SIZE = Integer.MAX_VALUE - 8;

	private static final long COMMAS = ByteWords.repeat(',');

	private static final long LINE_FEEDS = ByteWords.repeat('\n');

	private static final long CARRIAGE_RETURNS = ByteWords.repeat('\r');

	/**
	 * Enough of a trailing error object for any CnosDB message; a longer one is cut.
	 */
	private static final int MAX_ERROR_SIZE = 16 * 1024;

	private final InputStream body;

	/**
	 * The most bytes one row may take, so that an endless cell fails instead of
	 * exhausting memory.
	 */
	private final int maxRowSize;

	private final CnosColumns columns;

	/** The bytes read and not yet consumed are {@code buffer[rowStart .. limit)}. */
	byte[] buffer;

	/** Where each cell of the current row starts in {@link #buffer}. */
	int[] starts = new int[16];

	/** Where each cell of the current row ends in {@link #buffer} (exclusive). */
	int[] ends = new int[16];

	/** How many cells the current row has. */
	int cellCount;

	private int rowStart;

	private int position;

	private int limit;

	/**
	 * How far the last {@link #fill()} moved the bytes towards the start of the buffer.
	 */
	private int shift;

	private boolean endOfBody;

	/** The zero-based number of the current row; the header is -1. */
	private long rowNumber = -2;

	/**
	 * How many cells every row must have: as many as the header; -1 while the header is
	 * read.
	 */
	private int expectedCells = -1;

	/** The error the server ended the answer with, once read: thrown again if asked. */
	private ServerErrorException serverError;

	public CsvResultReader(InputStream body) {
		this(body, DEFAULT_BUFFER_SIZE, MAX_BUFFER_SIZE);
	}

	public CsvResultReader(InputStream body, int bufferSize) {
		this(body, bufferSize, MAX_BUFFER_SIZE);
	}

	/**
	 * @param maxRowSize the most bytes a single row may take (its cells, quotes and
	 * commas)
	 */
	public CsvResultReader(InputStream body, int bufferSize, int maxRowSize) {
		this.body = body;
		this.maxRowSize = Math.min(Math.max(maxRowSize, 1), MAX_BUFFER_SIZE - 1);
		// One byte more than a row may take: the reader must see the line break that ends
		// it.
		this.buffer = new byte[Math.max(Math.min(bufferSize, this.maxRowSize + 1), 1)];
		this.columns = next() ? new CnosColumns(header()) : CnosColumns.NONE;
		this.expectedCells = this.columns.count();
	}

	public CnosColumns columns() {
		return this.columns;
	}

	/**
	 * Moves to the next row.
	 * @return {@code false} at the end of the result
	 * @throws IllegalStateException if the answer is not valid CSV, or a row has another
	 * number of cells than the header
	 * @throws UncheckedIOException if the body cannot be read
	 */
	public boolean next() {
		try {
			boolean read = readRow();
			if (read && this.cellCount != this.expectedCells && this.expectedCells >= 0) {
				// A short row would read as NULLs in its last columns, a long one would
				// lose cells.
				throw new IllegalStateException("Invalid CSV in row " + this.rowNumber + " (counted from 0 after the "
						+ "header): it has " + this.cellCount + " value(s) but the header names " + this.expectedCells
						+ " column(s); was the answer cut short?");
			}
			return read;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The zero-based number of the current row. */
	long rowNumber() {
		return this.rowNumber;
	}

	/**
	 * The cell's text, for messages and the header.
	 * @throws IllegalStateException if the cell is not valid UTF-8
	 */
	public String text(int cell) {
		return StrictUtf8.decode(this.buffer, this.starts[cell], this.ends[cell] - this.starts[cell]);
	}

	private String[] header() {
		String[] names = new String[this.cellCount];
		for (int i = 0; i < names.length; i++) {
			try {
				names[i] = text(i);
			}
			catch (IllegalStateException ex) {
				throw new IllegalStateException("Invalid header of the answer: column " + i + " " + ex.getMessage(),
						ex);
			}
		}
		return names;
	}

	private boolean readRow() throws IOException {
		if (this.serverError != null) {
			throw this.serverError;
		}
		this.rowStart = this.position;
		this.cellCount = 0;
		int p = this.position;
		if (p >= this.limit) {
			boolean more = fill();
			p -= this.shift;
			if (!more) {
				return false;
			}
		}
		if (this.buffer[p] == '{') {
			if (startsErrorObject()) {
				this.serverError = readServerError();
				throw this.serverError;
			}
			// Looking ahead may have moved the row to the start of the buffer.
			p = this.rowStart;
		}
		this.rowNumber++;
		byte[] buf = this.buffer;
		while (true) {
			if (p >= this.limit) {
				// A comma was the last byte of the body: the row ends with an empty cell.
				boolean more = fill();
				p -= this.shift;
				buf = this.buffer;
				if (!more) {
					addCell(p, p);
					break;
				}
			}
			int terminator;
			if (buf[p] == '"') {
				p = readQuoted(p + 1);
				buf = this.buffer;
				if (p >= this.limit) {
					boolean more = fill();
					p -= this.shift;
					buf = this.buffer;
					if (!more) {
						break;
					}
				}
				terminator = buf[p];
				if (terminator != ',' && terminator != '\n' && terminator != '\r') {
					throw new IllegalStateException(
							"Invalid CSV in row " + this.rowNumber + ": '" + (char) (terminator & 0xFF)
									+ "' after the closing quote of a value (expected a comma" + " or a line break)");
				}
			}
			else {
				int start = p;
				int limit = this.limit;
				while (true) {
					p = indexOfSeparator(buf, p, limit);
					if (p < limit) {
						break;
					}
					boolean more = fill();
					p -= this.shift;
					start -= this.shift;
					buf = this.buffer;
					limit = this.limit;
					if (!more) {
						break;
					}
				}
				addCell(start, p);
				if (p >= limit) {
					break;
				}
				terminator = buf[p];
			}
			p++;
			if (terminator == ',') {
				continue;
			}
			if (terminator == '\r') {
				if (p >= this.limit) {
					boolean more = fill();
					p -= this.shift;
					if (!more) {
						break;
					}
				}
				if (this.buffer[p] == '\n') {
					p++;
				}
			}
			break;
		}
		this.position = p;
		return true;
	}

	/**
	 * Whether the current row, which starts with a <code>{</code>, starts with
	 * <code>{"</code>: only the server's error object does.
	 */
	private boolean startsErrorObject() throws IOException {
		if (this.rowStart + 1 >= this.limit && !fill()) {
			return false;
		}
		return this.buffer[this.rowStart + 1] == '"';
	}

	/**
	 * Reads the error object that starts the current line and whatever follows it (up to
	 * a bound): the server ends the answer with it.
	 */
	private ServerErrorException readServerError() throws IOException {
		int start = this.rowStart;
		int held = Math.min(this.limit - start, MAX_ERROR_SIZE);
		byte[] rest = this.endOfBody ? new byte[0] : this.body.readNBytes(MAX_ERROR_SIZE - held);
		byte[] error = Arrays.copyOfRange(this.buffer, start, start + held + rest.length);
		System.arraycopy(rest, 0, error, held, rest.length);
		this.position = this.limit;
		return new ServerErrorException(Math.max(this.rowNumber + 1, 0),
				new String(error, StandardCharsets.UTF_8).strip());
	}

	/**
	 * Reads a quoted cell whose content starts at {@code p}, unescaping doubled quotes in
	 * place.
	 * @return the position after the closing quote
	 */
	private int readQuoted(int p) throws IOException {
		int start = p;
		int write = p;
		byte[] buf = this.buffer;
		while (true) {
			if (p >= this.limit) {
				boolean more = fill();
				p -= this.shift;
				start -= this.shift;
				write -= this.shift;
				buf = this.buffer;
				if (!more) {
					throw new IllegalStateException(
							"Invalid CSV in row " + this.rowNumber + ": the answer ended inside a quoted value");
				}
			}
			byte b = buf[p];
			if (b == '"') {
				if (p + 1 >= this.limit) {
					boolean more = fill();
					p -= this.shift;
					start -= this.shift;
					write -= this.shift;
					buf = this.buffer;
					if (!more) {
						addCell(start, write);
						return p + 1;
					}
				}
				if (buf[p + 1] != '"') {
					addCell(start, write);
					return p + 1;
				}
				p++;
			}
			buf[write++] = b;
			p++;
		}
	}

	/**
	 * The index of the first comma, LF or CR in {@code bytes[from .. to)}, or {@code to}:
	 * eight bytes at a time while they fit, then byte by byte. An unquoted cell ends at
	 * the first.
	 */
	static int indexOfSeparator(byte[] bytes, int from, int to) {
		int i = from;
		for (; i <= to - Long.BYTES; i += Long.BYTES) {
			long word = ByteWords.read(bytes, i);
			long separators = ByteWords.bytesEqualTo(word, COMMAS) | ByteWords.bytesEqualTo(word, LINE_FEEDS)
					| ByteWords.bytesEqualTo(word, CARRIAGE_RETURNS);
			if (separators != 0) {
				return i + (Long.numberOfTrailingZeros(separators) >>> 3);
			}
		}
		for (; i < to; i++) {
			byte b = bytes[i];
			if (b == ',' || b == '\n' || b == '\r') {
				return i;
			}
		}
		return to;
	}

	private void addCell(int start, int end) {
		int cell = this.cellCount;
		if (cell == this.starts.length) {
			this.starts = Arrays.copyOf(this.starts, cell * 2);
			this.ends = Arrays.copyOf(this.ends, cell * 2);
		}
		this.starts[cell] = start;
		this.ends[cell] = end;
		this.cellCount = cell + 1;
	}

	/**
	 * Reads more of the body after the bytes held, first moving the current row to the
	 * start of the buffer (recording how far in {@link #shift}), or growing the buffer if
	 * the row fills it.
	 * @return whether bytes were added; {@code false} at the end of the body
	 */
	private boolean fill() throws IOException {
		int keep = this.limit - this.rowStart;
		this.shift = this.rowStart;
		if (this.rowStart > 0) {
			System.arraycopy(this.buffer, this.rowStart, this.buffer, 0, keep);
			for (int i = 0; i < this.cellCount; i++) {
				this.starts[i] -= this.shift;
				this.ends[i] -= this.shift;
			}
			this.rowStart = 0;
			this.limit = keep;
		}
		else if (this.limit == this.buffer.length) {
			if (this.buffer.length > this.maxRowSize) {
				throw new RowTooLargeException(this.rowNumber, this.maxRowSize);
			}
			this.buffer = Arrays.copyOf(this.buffer, (int) Math.min(this.maxRowSize + 1L, 2L * this.buffer.length));
		}
		if (this.endOfBody) {
			return false;
		}
		int read;
		do {
			read = this.body.read(this.buffer, this.limit, this.buffer.length - this.limit);
		}
		while (read == 0);
		if (read < 0) {
			this.endOfBody = true;
			return false;
		}
		this.limit += read;
		return true;
	}

	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			// The response is closed next, which releases the connection either way.
		}
	}

	/** A row, or a cell of it, larger than the reader may hold. */
	public static final class RowTooLargeException extends IllegalStateException {

		private final int maxRowSize;

		public RowTooLargeException(long rowNumber, int maxRowSize) {
			super(((rowNumber < 0) ? "The header row" : "Row " + rowNumber + " (counted from 0 after the header)")
					+ " of the answer is larger than " + maxRowSize + " bytes");
			this.maxRowSize = maxRowSize;
		}

		public int maxRowSize() {
			return this.maxRowSize;
		}

	}

	/**
	 * The error object the server sent after a 200 when the query failed midway: the rows
	 * before it were read; none follows. The message does not hold the server's text,
	 * which a translator reads from {@link #serverError()} (it may echo parts of the
	 * request).
	 */
	public static final class ServerErrorException extends IllegalStateException {

		private final long rowsBefore;

		private final String serverError;

		public ServerErrorException(long rowsBefore, String serverError) {
			super("The server reported a failure after " + rowsBefore + " row(s) of the answer");
			this.rowsBefore = rowsBefore;
			this.serverError = serverError;
		}

		/** How many rows the answer held before the error. */
		public long rowsBefore() {
			return this.rowsBefore;
		}

		/** The server's error as it sent it: a JSON error object. */
		public String serverError() {
			return this.serverError;
		}

	}

}

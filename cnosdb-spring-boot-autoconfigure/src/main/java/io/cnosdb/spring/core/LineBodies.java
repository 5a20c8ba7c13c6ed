package io.cnosdb.spring.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.sql.CnosSql;

/**
 * The body of a {@code writeLines} request: the caller's lines as UTF-8, each followed by
 * a line break, sent from the stream's own array rather than a copy of it.
 */
final class LineBodies extends ByteArrayOutputStream {

	private LineBodies(int size) {
		super(size);
	}

	static LineBodies of(Collection<String> lines) {
		LineBodies body = new LineBodies(lines.size() * 128);
		int index = 0;
		for (String line : lines) {
			checkLine(index++, line);
			body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
			body.write('\n');
		}
		return body;
	}

	byte[] bytes() {
		return this.buf;
	}

	/*
	 * Only null and what UTF-8 cannot encode are refused: the server ends a line only at
	 * a line break outside quotes and skips blank lines, so a string field holding a line
	 * break (as the encoder writes it) and the lines of a CnosWriteFailure can be sent
	 * again as they are.
	 */
	private static void checkLine(int index, @Nullable String line) {
		if (line == null) {
			throw new IllegalArgumentException("Line " + index + " is null: every line must be text");
		}
		int surrogate = CnosSql.indexOfUnpairedSurrogate(line);
		if (surrogate >= 0) {
			// Encoded as '?', it would store other text than the caller's without a word.
			throw new IllegalArgumentException("Line " + index + " " + CnosSql.unpairedSurrogate(surrogate));
		}
	}

}

package io.cnosdb.spring.core.sql;

/**
 * How the client reads SQL text where it has to: the extent of quoted tokens and comments
 * as CnosDB's parser reads them, and the characters of a name. Shared by the rendering of
 * named parameters, the masking of literals and the splitting of scripts, so that all
 * skip the same text.
 */
final class SqlScanner {

	private SqlScanner() {
	}

	/**
	 * Index just past the token opened by the quote at {@code start}; a doubled quote
	 * inside stays part of the token. A token the text does not close ends with it.
	 */
	static int skipQuoted(String sql, int start, char quote) {
		int end = endOfQuoted(sql, start, quote);
		return (end < 0) ? sql.length() : end;
	}

	/**
	 * Like {@link #skipQuoted}, but -1 for a token the text does not close, for readers
	 * that report one, as a script's does.
	 */
	static int endOfQuoted(String sql, int start, char quote) {
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return -1;
	}

	/** Whether a {@code --} line comment starts at {@code i}. */
	static boolean isLineComment(String sql, int i) {
		return sql.charAt(i) == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-';
	}

	/**
	 * Index of the line break that ends the line comment at {@code start}, or the end.
	 */
	static int skipLineComment(String sql, int start) {
		int end = sql.indexOf('\n', start);
		return (end < 0) ? sql.length() : end;
	}

	/** Whether a block comment starts at {@code i}. */
	static boolean isBlockComment(String sql, int i) {
		return sql.charAt(i) == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*';
	}

	/**
	 * Index just past a block comment. The server's SQL parser nests them, so this does
	 * too: text after the end of an inner comment is still inside the outer one.
	 */
	static int skipBlockComment(String sql, int start) {
		int end = endOfBlockComment(sql, start);
		return (end < 0) ? sql.length() : end;
	}

	/**
	 * Like {@link #skipBlockComment}, but -1 for a comment the text does not close.
	 */
	static int endOfBlockComment(String sql, int start) {
		int depth = 0;
		int i = start;
		while (i + 1 < sql.length()) {
			if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
				depth++;
				i += 2;
			}
			else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return -1;
	}

	static boolean isNameStart(char c) {
		return Character.isLetter(c) || c == '_';
	}

	static boolean isNamePart(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

}

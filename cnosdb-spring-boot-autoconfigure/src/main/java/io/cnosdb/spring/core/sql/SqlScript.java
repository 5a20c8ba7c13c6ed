package io.cnosdb.spring.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.util.Assert;

/**
 * Splits an SQL script into its statements, as Spring JDBC's {@code ScriptUtils} does for
 * JDBC: at each separator ({@code ;} usually) that stands outside string literals, quoted
 * names (double quotes or backticks) and comments. Comments are dropped (a block comment
 * leaves a space, as it separates tokens); statements that hold nothing else are skipped.
 * Each statement keeps its text as written otherwise, without leading and trailing
 * whitespace, and the line it starts on, for reports.
 * <p>
 * With a placeholder resolver, {@code ${name}} placeholders (with Spring's
 * {@code ${name:default}} defaults) are replaced by their values, but only inside quotes,
 * where the value is quoted like the text around it: inside {@code '…'} its {@code '} are
 * doubled, inside {@code "…"} its {@code "} are, so a value is always one literal or one
 * name and cannot change the statement. A placeholder outside quotes is refused, as it
 * could; one in a comment is dropped with the comment.
 */
public final class SqlScript {

	private static final String PLACEHOLDER_PREFIX = "${";

	private SqlScript() {
	}

	/**
	 * Splits a script without resolving placeholders: {@code ${…}} is text like any
	 * other.
	 * @param script the script's text
	 * @param separator what ends a statement, such as {@code ;}
	 * @return the statements in script order, numbered from 1
	 * @throws IllegalArgumentException if the script ends inside a quoted token or a
	 * block comment, naming the line where it starts
	 */
	public static List<Statement> split(String script, String separator) {
		return split(script, separator, null);
	}

	/**
	 * Splits a script, replacing placeholders in quoted text.
	 * @param script the script's text
	 * @param separator what ends a statement, such as {@code ;}
	 * @param placeholders resolves a placeholder, given as written (such as
	 * {@code ${sample.ttl:30d}}), to its value; throws {@link IllegalArgumentException}
	 * for one it cannot resolve. {@code null} for no placeholders
	 * @return the statements in script order, numbered from 1
	 * @throws IllegalArgumentException if the script ends inside a quoted token or a
	 * block comment, or a placeholder stands outside quotes or cannot be resolved, naming
	 * the line
	 */
	public static List<Statement> split(String script, String separator, @Nullable UnaryOperator<String> placeholders) {
		Assert.notNull(script, "Script must not be null");
		Assert.hasLength(separator, "Separator must not be empty");
		return new Splitter(script, separator, placeholders).split();
	}

	/**
	 * A statement of a script.
	 *
	 * @param number its position among the script's statements, from 1
	 * @param line the line of the script it starts on, from 1
	 * @param sql its text, placeholders replaced, comments dropped
	 */
	public record Statement(int number, int line, String sql) {

	}

	private static final class Splitter {

		private final String script;

		private final String separator;

		private final @Nullable UnaryOperator<String> placeholders;

		private final List<Statement> statements = new ArrayList<>();

		private final StringBuilder sql = new StringBuilder();

		/** The line of the current index. */
		private int line = 1;

		/** The line the current statement starts on, 0 before its first token. */
		private int statementLine;

		Splitter(String script, String separator, @Nullable UnaryOperator<String> placeholders) {
			this.script = script;
			this.separator = separator;
			this.placeholders = placeholders;
		}

		List<Statement> split() {
			int length = this.script.length();
			int i = 0;
			while (i < length) {
				char c = this.script.charAt(i);
				if (c == '\'' || c == '"' || c == '`') {
					i = quoted(i);
				}
				else if (SqlScanner.isLineComment(this.script, i)) {
					i = SqlScanner.skipLineComment(this.script, i);
				}
				else if (SqlScanner.isBlockComment(this.script, i)) {
					int end = SqlScanner.endOfBlockComment(this.script, i);
					if (end < 0) {
						throw unterminated("a block comment", this.line);
					}
					this.sql.append(' ');
					i = skip(i, end);
				}
				else if (this.script.startsWith(this.separator, i)) {
					endStatement();
					i = skip(i, i + this.separator.length());
				}
				else if (this.placeholders != null && this.script.startsWith(PLACEHOLDER_PREFIX, i)) {
					throw new IllegalArgumentException("Line " + this.line + ": the placeholder "
							+ CnosMessageValues.abbreviate(placeholderAt(i))
							+ " stands outside quotes, where its value could change the statement; write it inside "
							+ "'...' for a value or \"...\" for a name, where its value is quoted");
				}
				else {
					startStatement(c);
					this.sql.append(c);
					i = skip(i, i + 1);
				}
			}
			endStatement();
			return this.statements;
		}

		/**
		 * The placeholder at {@code start} as written, up to its closing {@code }} or the
		 * end of its line.
		 */
		private String placeholderAt(int start) {
			int depth = 0;
			int i = start;
			while (i < this.script.length() && this.script.charAt(i) != '\n') {
				if (this.script.startsWith(PLACEHOLDER_PREFIX, i)) {
					depth++;
					i += PLACEHOLDER_PREFIX.length();
					continue;
				}
				if (this.script.charAt(i++) == '}' && --depth == 0) {
					break;
				}
			}
			return this.script.substring(start, i).strip();
		}

		private int quoted(int start) {
			char quote = this.script.charAt(start);
			int end = SqlScanner.endOfQuoted(this.script, start, quote);
			if (end < 0) {
				throw unterminated((quote == '\'') ? "a string literal" : "a quoted name", this.line);
			}
			startStatement(quote);
			String token = this.script.substring(start, end);
			if (this.placeholders != null && token.contains(PLACEHOLDER_PREFIX)) {
				appendResolved(token, this.placeholders);
			}
			else {
				this.sql.append(token);
			}
			return skip(start, end);
		}

		/**
		 * Appends a quoted token with its placeholders replaced by their values, quoted
		 * as the token is.
		 */
		private void appendResolved(String token, UnaryOperator<String> resolver) {
			String quote = token.substring(0, 1);
			String doubled = quote + quote;
			int close = token.length() - 1;
			this.sql.append(quote);
			int i = 1;
			int start = token.indexOf(PLACEHOLDER_PREFIX, i);
			while (start >= 0 && start < close) {
				int end = endOfPlaceholder(token, start, close);
				this.sql.append(token, i, start);
				String placeholder = token.substring(start, end);
				String value;
				try {
					value = resolver.apply(placeholder);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("Line " + this.line + ": " + ex.getMessage(), ex);
				}
				if (value == null) {
					throw new IllegalArgumentException("Line " + this.line + ": placeholder "
							+ CnosMessageValues.abbreviate(placeholder) + " has no value");
				}
				this.sql.append(value.replace(quote, doubled));
				i = end;
				start = token.indexOf(PLACEHOLDER_PREFIX, i);
			}
			this.sql.append(token, i, token.length());
		}

		/**
		 * Index just past the {@code }} that closes the placeholder at {@code start},
		 * counting nested ones (in defaults).
		 */
		private int endOfPlaceholder(String token, int start, int close) {
			int depth = 0;
			int i = start;
			while (i < close) {
				if (token.startsWith(PLACEHOLDER_PREFIX, i)) {
					depth++;
					i += PLACEHOLDER_PREFIX.length();
					continue;
				}
				if (token.charAt(i) == '}' && --depth == 0) {
					return i + 1;
				}
				i++;
			}
			throw new IllegalArgumentException("Line " + this.line + ": the placeholder at "
					+ CnosMessageValues.abbreviate(token.substring(start, close)) + " has no closing '}'");
		}

		private void startStatement(char c) {
			if (this.statementLine == 0 && !Character.isWhitespace(c)) {
				this.statementLine = this.line;
			}
		}

		private void endStatement() {
			String text = this.sql.toString().strip();
			if (!text.isEmpty()) {
				this.statements.add(new Statement(this.statements.size() + 1, this.statementLine, text));
			}
			this.sql.setLength(0);
			this.statementLine = 0;
		}

		/** Moves past {@code [from, to)}, counting its lines. */
		private int skip(int from, int to) {
			for (int i = from; i < to; i++) {
				if (this.script.charAt(i) == '\n') {
					this.line++;
				}
			}
			return to;
		}

		private static IllegalArgumentException unterminated(String what, int line) {
			return new IllegalArgumentException("The script ends inside " + what + " that starts on line " + line);
		}

	}

}

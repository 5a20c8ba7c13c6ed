package io.cnosdb.spring.core.http;

import io.cnosdb.spring.core.sql.CnosSql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.util.Assert;

/**
 * The user and password sent as HTTP Basic authentication on every request, also when the
 * password is empty ({@code root:}), and the means to keep them out of messages: CnosDB
 * echoes a malformed Authorization header in its error text, and statements that create
 * users carry passwords.
 */
public final class CnosCredentials {

	static final String REDACTED = "******";

	private static final String PASSWORD = "password";

	/**
	 * What precedes the raw Authorization header that CnosDB echoes when it cannot parse
	 * it.
	 */
	private static final String ECHOED_AUTHORIZATION = "malformed basic auth encoding: ";

	private final String user;

	private final String authorization;

	private final String token;

	public CnosCredentials(String user, String password) {
		Assert.notNull(user, "The CnosDB user must not be null");
		Assert.notNull(password, "The CnosDB password must not be null (use an empty string for none)");
		Assert.isTrue(user.indexOf(':') < 0,
				"The CnosDB user must not contain ':' (Basic authentication splits there)");
		// Encoded as '?', either would authenticate as someone else, or fail for no
		// visible reason.
		int surrogate = CnosSql.indexOfUnpairedSurrogate(user);
		Assert.isTrue(surrogate < 0, () -> "The CnosDB user " + CnosSql.unpairedSurrogate(surrogate));
		int passwordSurrogate = CnosSql.indexOfUnpairedSurrogate(password);
		Assert.isTrue(passwordSurrogate < 0,
				() -> "The CnosDB password " + CnosSql.unpairedSurrogate(passwordSurrogate));
		this.user = user;
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.token = token;
		this.authorization = "Basic " + token;
	}

	public String user() {
		return this.user;
	}

	String authorization() {
		return this.authorization;
	}

	/** Removes any password literal from a statement, before it goes into a message. */
	public String redact(String text) {
		return redactPasswordLiterals(text);
	}

	/**
	 * Removes secrets from an error message of the server, by its structure rather than
	 * by searching it for the password (which, short, would mask parts of ordinary
	 * words): the only place the server echoes this client's credentials is the
	 * {@code Authorization} header it could not parse ({@code 040006} "Parse auth,
	 * malformed basic auth encoding: <header>"), which is cut off; password literals of
	 * the statement it may quote are masked.
	 */
	String redactServerMessage(String message) {
		int echo = message.indexOf(ECHOED_AUTHORIZATION);
		String text = (echo >= 0) ? message.substring(0, echo + ECHOED_AUTHORIZATION.length()) + REDACTED : message;
		// A proxy's error page may echo the request's headers: the Base64 token is long
		// enough to be replaced wherever it stands without masking ordinary words.
		return redactPasswordLiterals(text.replace(this.token, REDACTED));
	}

	/**
	 * Masks every password literal in SQL, such as {@code PASSWORD = 'x'} or
	 * {@code hash_password='x'}: the word {@code password} in any case, optional white
	 * space, an optional {@code =} and white space, then a quoted literal, doubled quotes
	 * included. A literal that the text cuts off is masked to the end.
	 * <p>
	 * A scan rather than a regular expression: {@code '(?:[^']|'')*'} recursed once per
	 * character in Java's regex engine, and a password of a few thousand characters
	 * overflowed the stack.
	 */
	static String redactPasswordLiterals(String text) {
		StringBuilder out = null;
		int copied = 0;
		int keyword = indexOfPassword(text, 0);
		while (keyword >= 0) {
			int quote = skipWhitespace(text, keyword + PASSWORD.length());
			if (quote < text.length() && text.charAt(quote) == '=') {
				quote = skipWhitespace(text, quote + 1);
			}
			if (quote < text.length() && text.charAt(quote) == '\'') {
				int end = endOfLiteral(text, quote);
				out = (out != null) ? out : new StringBuilder(text.length());
				out.append(text, copied, quote).append('\'').append(REDACTED).append('\'');
				copied = end;
				keyword = indexOfPassword(text, end);
			}
			else {
				keyword = indexOfPassword(text, keyword + PASSWORD.length());
			}
		}
		return (out != null) ? out.append(text, copied, text.length()).toString() : text;
	}

	private static int indexOfPassword(String text, int from) {
		for (int i = from; i <= text.length() - PASSWORD.length(); i++) {
			char c = text.charAt(i);
			if ((c == 'p' || c == 'P') && text.regionMatches(true, i, PASSWORD, 0, PASSWORD.length())) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The index of the first character from {@code from} that is not white space as
	 * {@code \s} means it.
	 */
	private static int skipWhitespace(String text, int from) {
		int i = from;
		while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
			i++;
		}
		return i;
	}

	/**
	 * The index after the literal opened at {@code quote}, or the text's length if it is
	 * not closed.
	 */
	private static int endOfLiteral(String text, int quote) {
		int i = quote + 1;
		while (i < text.length()) {
			if (text.charAt(i) == '\'') {
				if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return text.length();
	}

	@Override
	public String toString() {
		return "CnosCredentials[user=" + this.user + ", password=" + REDACTED + "]";
	}

}

package io.cnosdb.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * The user and password sent as HTTP Basic authentication on every request, also when the
 * password is empty ({@code root:}), and the means to keep them out of messages: CnosDB
 * echoes a malformed Authorization header in its error text, and statements that create
 * users carry passwords.
 */
final class CnosCredentials {

	static final String REDACTED = "******";

	/** A password literal in SQL, such as {@code PASSWORD = 'x'} or {@code hash_password='x'}. */
	private static final Pattern PASSWORD_LITERAL = Pattern.compile("(?i)(password\\s*=?\\s*)'(?:[^']|'')*'");

	private final String user;

	private final String authorization;

	private final List<String> secrets = new ArrayList<>();

	CnosCredentials(String user, String password) {
		Assert.notNull(user, "The CnosDB user must not be null");
		Assert.notNull(password, "The CnosDB password must not be null (use an empty string for none)");
		Assert.isTrue(user.indexOf(':') < 0, "The CnosDB user must not contain ':' (Basic authentication splits there)");
		this.user = user;
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.authorization = "Basic " + token;
		this.secrets.add(token);
		if (!password.isEmpty()) {
			this.secrets.add(password);
		}
	}

	String user() {
		return this.user;
	}

	String authorization() {
		return this.authorization;
	}

	/** Removes this template's credentials and any password literal from a text. */
	String redact(String text) {
		return redactSecrets(redactPasswordLiterals(text), this.secrets);
	}

	static String redactPasswordLiterals(String text) {
		return PASSWORD_LITERAL.matcher(text).replaceAll("$1'" + REDACTED + "'");
	}

	static String redactSecrets(String text, List<String> secrets) {
		String result = text;
		for (String secret : secrets) {
			if (!secret.isEmpty()) {
				result = result.replace(secret, REDACTED);
				String escaped = secret.replace("'", "''");
				if (!escaped.equals(secret)) {
					result = result.replace(escaped, REDACTED);
				}
			}
		}
		return result;
	}

	@Override
	public String toString() {
		return "CnosCredentials[user=" + this.user + ", password=" + REDACTED + "]";
	}

}

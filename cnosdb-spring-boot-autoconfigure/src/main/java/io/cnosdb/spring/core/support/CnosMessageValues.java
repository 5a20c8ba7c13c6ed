package io.cnosdb.spring.core.support;

/**
 * How the client shows values in exception messages and reports: a URL never with its
 * user information, and a long value cut short, so that a megabyte name does not make a
 * megabyte message (and log line). Used by the auto-configuration too, hence public; not
 * meant for applications.
 */
public final class CnosMessageValues {

	/** The most characters of a value shown in a message. */
	public static final int MAX_LENGTH = 200;

	private static final String MASK = "******";

	private CnosMessageValues() {
	}

	/**
	 * The value, or its first {@value #MAX_LENGTH} characters and a marker with its
	 * length, such as {@code …(1048576 chars)}.
	 * @param value the value
	 * @return the value as a message shows it
	 */
	public static String abbreviate(String value) {
		return abbreviate(value, MAX_LENGTH);
	}

	/**
	 * The value, or its first {@code maxLength} characters and a marker with its length,
	 * such as {@code …(1048576 chars)}; a surrogate pair is not split.
	 * @param value the value
	 * @param maxLength the most characters of the value to keep
	 * @return the value as a message shows it
	 */
	public static String abbreviate(String value, int maxLength) {
		if (value.length() <= maxLength) {
			return value;
		}
		int end = (maxLength > 0 && Character.isHighSurrogate(value.charAt(maxLength - 1))) ? maxLength - 1 : maxLength;
		return value.substring(0, end) + "…(" + value.length() + " chars)";
	}

	/**
	 * The URL with everything that may be user information masked: from the end of the
	 * scheme's {@code ://} (or the start, without one) up to the <em>last</em> {@code @}.
	 * <p>
	 * Not what a URI parser calls user information: a password may hold {@code /},
	 * {@code ?}, {@code #} or {@code @} ({@code http://root:S3cr3t/pw@host} parses as
	 * host {@code root} and a path holding the rest of the password), and which reading
	 * the user meant cannot be known. Masking up to the last {@code @} hides the password
	 * under every reading.
	 * @param url the URL as given, possibly malformed
	 * @return the URL, unchanged when it holds no {@code @}
	 */
	public static String withoutUserInfo(String url) {
		int at = url.lastIndexOf('@');
		if (at < 0) {
			return url;
		}
		int schemeEnd = url.indexOf("://");
		int authorityStart = (schemeEnd >= 0 && schemeEnd < at) ? schemeEnd + 3 : 0;
		return url.substring(0, authorityStart) + MASK + url.substring(at);
	}

}

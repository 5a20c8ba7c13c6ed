package io.cnosdb.spring.core;

/**
 * How the client shows values in exception messages and reports: a URL never with its user
 * information. Used by the auto-configuration too, hence public; not meant for applications.
 */
public final class CnosMessageValues {

	private static final String MASK = "******";

	private CnosMessageValues() {
	}

	/**
	 * The URL with everything that may be user information masked: from the end of the
	 * scheme's {@code ://} (or the start, without one) up to the <em>last</em> {@code @}.
	 * <p>
	 * Not what a URI parser calls user information: a password may hold {@code /}, {@code ?},
	 * {@code #} or {@code @} ({@code http://root:S3cr3t/pw@host} parses as host {@code root}
	 * and a path holding the rest of the password), and which reading the user meant cannot
	 * be known. Masking up to the last {@code @} hides the password under every reading.
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

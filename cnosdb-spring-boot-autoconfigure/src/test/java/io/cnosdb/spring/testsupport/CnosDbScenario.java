package io.cnosdb.spring.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * One request to a real CnosDB whose answer is kept as a fixture: the statements that put
 * the server in the state the request needs, the request itself, and the statements that
 * remove what the setup made. Scenarios work in databases, tenants and users of their own
 * (see {@link CnosDbScenarios}), so that a recording is the same on every server of the
 * version.
 *
 * @param name the fixture's file name, without extension
 * @param description what the answer is and why a test wants it
 * @param setup requests run in order before the request; each must succeed
 * @param request the request whose answer is recorded
 * @param cleanup requests run after the request, and before the setup in case an earlier
 * run was interrupted
 * @param normaliser applied to the recorded and the live body before they are compared
 */
public record CnosDbScenario(String name, String description, List<Request> setup, Request request,
		List<Request> cleanup, Normaliser normaliser) {

	/** The tenant every request addresses unless it names another. */
	public static final String DEFAULT_TENANT = "cnosdb";

	/** Where the request's {@code Authorization} header comes from. */
	public enum Authorization {

		/** Basic authentication as the user the recorder connects as. */
		CONFIGURED_USER,

		/** No header, or the one the request names itself. */
		AS_GIVEN

	}

	/**
	 * A request line, its headers and body.
	 *
	 * @param method the HTTP method
	 * @param path the path from the server's root
	 * @param query the query parameters, in order, not encoded
	 * @param headers headers beyond {@code Host}, {@code Authorization},
	 * {@code Content-Length} and {@code Connection}, which the client adds
	 * @param body the body, or {@code null} for none
	 * @param bodyDescription a description to keep in the fixture instead of a body too
	 * large to keep, or {@code null} to keep the body
	 * @param authorization where the {@code Authorization} header comes from
	 */
	public record Request(String method, String path, List<Param> query, List<Header> headers, byte @Nullable [] body,
			@Nullable String bodyDescription, Authorization authorization) {

		private static final String TEXT_UTF8 = "text/plain;charset=UTF-8";

		/**
		 * {@code POST /api/v1/sql} in the default tenant, as the client sends a
		 * statement.
		 */
		public static Request sql(String database, String sql) {
			return new Request("POST", "/api/v1/sql",
					List.of(new Param("db", database), new Param("tenant", DEFAULT_TENANT)),
					List.of(new Header("Accept", "application/csv"), new Header("Content-Type", TEXT_UTF8)),
					sql.getBytes(StandardCharsets.UTF_8), null, Authorization.CONFIGURED_USER);
		}

		/**
		 * {@code POST /api/v1/write} in the default tenant, as the client sends line
		 * protocol.
		 */
		public static Request write(String database, String precision, String lines) {
			return new Request("POST", "/api/v1/write",
					List.of(new Param("db", database), new Param("tenant", DEFAULT_TENANT),
							new Param("precision", precision)),
					List.of(new Header("Content-Type", TEXT_UTF8)), lines.getBytes(StandardCharsets.UTF_8), null,
					Authorization.CONFIGURED_USER);
		}

		/** {@code GET} of a path without credentials, as the client pings. */
		public static Request get(String path) {
			return new Request("GET", path, List.of(), List.of(new Header("Accept", "application/json")), null, null,
					Authorization.AS_GIVEN);
		}

		/** This request addressed to another tenant. */
		public Request tenant(String tenant) {
			List<Param> params = new ArrayList<>();
			for (Param param : this.query) {
				params.add(param.name().equals("tenant") ? new Param("tenant", tenant) : param);
			}
			return new Request(this.method, this.path, params, this.headers, this.body, this.bodyDescription,
					this.authorization);
		}

		/** This request with one more query parameter. */
		public Request param(String name, String value) {
			List<Param> params = new ArrayList<>(this.query);
			params.add(new Param(name, value));
			return new Request(this.method, this.path, List.copyOf(params), this.headers, this.body,
					this.bodyDescription, this.authorization);
		}

		/** This request to another path. */
		public Request path(String path) {
			return new Request(this.method, path, this.query, this.headers, this.body, this.bodyDescription,
					this.authorization);
		}

		/** This request with another method. */
		public Request method(String method) {
			return new Request(method, this.path, this.query, this.headers, this.body, this.bodyDescription,
					this.authorization);
		}

		/** This request with a header set, replacing one of that name. */
		public Request header(String name, String value) {
			List<Header> headers = new ArrayList<>(
					this.headers.stream().filter((h) -> !h.name().equalsIgnoreCase(name)).toList());
			headers.add(new Header(name, value));
			return new Request(this.method, this.path, this.query, List.copyOf(headers), this.body,
					this.bodyDescription, this.authorization);
		}

		/** This request without a header of that name. */
		public Request withoutHeader(String name) {
			return new Request(this.method, this.path, this.query,
					this.headers.stream().filter((h) -> !h.name().equalsIgnoreCase(name)).toList(), this.body,
					this.bodyDescription, this.authorization);
		}

		/**
		 * This request with exactly the given {@code Authorization} header instead of the
		 * configured user's.
		 */
		public Request authorization(String value) {
			return new Request(this.method, this.path, this.query, this.headers, this.body, this.bodyDescription,
					Authorization.AS_GIVEN)
				.header("Authorization", value);
		}

		/** This request without an {@code Authorization} header. */
		public Request withoutAuthorization() {
			return new Request(this.method, this.path, this.query, this.headers, this.body, this.bodyDescription,
					Authorization.AS_GIVEN)
				.withoutHeader("Authorization");
		}

		/**
		 * This request with a body too large to keep in the fixture, described there
		 * instead.
		 */
		public Request largeBody(byte[] body, String description) {
			return new Request(this.method, this.path, this.query, this.headers, body, description, this.authorization);
		}

		/** The path and the encoded query. */
		public String target() {
			if (this.query.isEmpty()) {
				return this.path;
			}
			StringBuilder target = new StringBuilder(this.path).append('?');
			for (int i = 0; i < this.query.size(); i++) {
				Param param = this.query.get(i);
				target.append((i > 0) ? "&" : "")
					.append(encode(param.name()))
					.append('=')
					.append(encode(param.value()));
			}
			return target.toString();
		}

		/** The body as text, for descriptions. */
		public String bodyText() {
			return (this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : "";
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Request that && this.method.equals(that.method) && this.path.equals(that.path)
					&& this.query.equals(that.query) && this.headers.equals(that.headers)
					&& Arrays.equals(this.body, that.body) && this.authorization == that.authorization;
		}

		@Override
		public int hashCode() {
			return this.method.hashCode() * 31 + Arrays.hashCode(this.body);
		}

		@Override
		public String toString() {
			return this.method + " " + target() + ((this.body != null) ? " " + abbreviate(bodyText()) : "");
		}

		private static String abbreviate(String text) {
			return (text.length() > 120) ? text.substring(0, 117) + "..." : text;
		}

	}

	/**
	 * A query parameter.
	 *
	 * @param name its name
	 * @param value its value, not encoded
	 */
	public record Param(String name, String value) {
	}

	/**
	 * A request header.
	 *
	 * @param name its name
	 * @param value its value
	 */
	public record Header(String name, String value) {
	}

	/**
	 * Makes bodies comparable where the server puts something in them that changes from
	 * run to run.
	 *
	 * @param description what is changed, for the fixture's record
	 * @param function the change
	 */
	public record Normaliser(String description, UnaryOperator<String> function) {

		/** Bodies compared byte for byte. */
		public static final Normaliser NONE = new Normaliser("none: the body is compared exactly", (body) -> body);

	}

}

package io.cnosdb.spring.benchmarks.encode;

import java.util.Map;
import java.util.TreeMap;

/**
 * A line decoded back to what it means: measurement, tags, typed fields and timestamp, in
 * a form that does not depend on field order or number spelling, so that every
 * contender's output can be compared.
 */
record DecodedPoint(String measurement, Map<String, String> tags, Map<String, Object> fields, long timestamp) {

	/**
	 * Decodes one line of InfluxDB-style line protocol (the subset the dataset produces).
	 */
	static DecodedPoint parse(String line) {
		Cursor cursor = new Cursor(line);
		String measurement = cursor.name(",  ".toCharArray());
		Map<String, String> tags = new TreeMap<>();
		while (cursor.peek() == ',') {
			cursor.skip();
			String key = cursor.name(new char[] { '=' });
			cursor.expect('=');
			tags.put(key, cursor.name(new char[] { ',', ' ' }));
		}
		cursor.expect(' ');
		Map<String, Object> fields = new TreeMap<>();
		do {
			if (cursor.peek() == ',') {
				cursor.skip();
			}
			String key = cursor.name(new char[] { '=' });
			cursor.expect('=');
			fields.put(key, cursor.fieldValue());
		}
		while (cursor.peek() == ',');
		cursor.expect(' ');
		return new DecodedPoint(measurement, tags, fields, Long.parseLong(cursor.rest()));
	}

	private static final class Cursor {

		private final String line;

		private int position;

		Cursor(String line) {
			this.line = line;
		}

		char peek() {
			return (this.position < this.line.length()) ? this.line.charAt(this.position) : '\0';
		}

		void skip() {
			this.position++;
		}

		void expect(char c) {
			if (peek() != c) {
				throw new IllegalArgumentException("Expected '" + c + "' at " + this.position + " in: " + this.line);
			}
			this.position++;
		}

		/**
		 * A name or tag value up to an unescaped stop character; {@code \,} {@code \ }
		 * {@code \=} unescape.
		 */
		String name(char[] stops) {
			StringBuilder out = new StringBuilder();
			while (this.position < this.line.length()) {
				char c = this.line.charAt(this.position);
				if (c == '\\' && this.position + 1 < this.line.length()) {
					char next = this.line.charAt(this.position + 1);
					if (next == ',' || next == ' ' || next == '=') {
						out.append(next);
						this.position += 2;
						continue;
					}
				}
				for (char stop : stops) {
					if (c == stop) {
						return out.toString();
					}
				}
				out.append(c);
				this.position++;
			}
			return out.toString();
		}

		Object fieldValue() {
			if (peek() == '"') {
				skip();
				StringBuilder out = new StringBuilder();
				while (peek() != '"') {
					char c = this.line.charAt(this.position++);
					out.append((c == '\\') ? this.line.charAt(this.position++) : c);
				}
				skip();
				return out.toString();
			}
			int start = this.position;
			while (peek() != ',' && peek() != ' ') {
				skip();
			}
			String text = this.line.substring(start, this.position);
			if (text.endsWith("i")) {
				return Long.parseLong(text.substring(0, text.length() - 1));
			}
			return Double.parseDouble(text);
		}

		String rest() {
			return this.line.substring(this.position);
		}

	}

}

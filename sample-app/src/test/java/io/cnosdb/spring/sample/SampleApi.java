package io.cnosdb.spring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Calls the running sample over HTTP and hands back the status and the JSON body,
 * whatever the status.
 */
final class SampleApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RestClient client;

	SampleApi(int port) {
		// The JDK client: HttpClient 5, which the starter brings, would resend the
		// sample's 503 answers.
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(new JdkClientHttpRequestFactory())
			.build();
	}

	Answer get(String uri) {
		return this.client.get().uri(uri).exchange((request, response) -> answer(response));
	}

	String getText(String uri) {
		return this.client.get().uri(uri).retrieve().body(String.class);
	}

	Answer postJson(String uri, String body) {
		return post(uri, MediaType.APPLICATION_JSON, body);
	}

	Answer post(String uri, MediaType contentType, String body) {
		return this.client.post()
			.uri(uri)
			.contentType(contentType)
			.body(body)
			.exchange((request, response) -> answer(response));
	}

	Answer upload(String uri, String fileName, String content) {
		return upload(uri, "file", fileName, content);
	}

	/** A multipart form with one file, sent as the form field {@code part}. */
	Answer upload(String uri, String part, String fileName, String content) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add(part, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return fileName;
			}

		});
		return this.client.post()
			.uri(uri)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.exchange((request, response) -> answer(response));
	}

	private static Answer answer(ClientHttpResponse response) throws IOException {
		String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
		JsonNode node = text.isBlank() ? json.nullNode() : json.readTree(text);
		MediaType contentType = response.getHeaders().getContentType();
		return new Answer(response.getStatusCode().value(), node, text,
				(contentType != null) ? contentType.toString() : "");
	}

	/**
	 * An answer of the sample.
	 *
	 * @param status the HTTP status
	 * @param json the body as JSON
	 * @param text the body as text
	 * @param contentType the {@code Content-Type} header, empty without one
	 */
	record Answer(int status, JsonNode json, String text, String contentType) {

		String detail() {
			return this.json.path("detail").asString();
		}

	}

}

package io.cnosdb.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.testsupport.MockCnosDb;
import io.cnosdb.spring.testsupport.MockCnosDb.Transport;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact requests the template sends, on every HTTP stack, each answered with a
 * recorded success: the server rejects a list of Accept values, a chunked upload and a
 * request without Basic authentication, so none of these may depend on the transport's
 * defaults.
 */
class CnosTemplateRequestWireTests {

	private static final String AWKWARD_DATABASE = "my db&x=1+ü/?#";

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	@ParameterizedTest
	@EnumSource(Transport.class)
	void sqlRequestHasTheShapeTheServerRequires(Transport transport) {
		this.db.enqueue(recorded("select-1"));
		this.db.template(transport).execute("select 1;");
		RecordedRequest request = this.db.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/sql");
		assertThat(request.getUrl().queryParameter("db")).isEqualTo("public");
		assertThat(request.getUrl().queryParameter("tenant")).isEqualTo("cnosdb");
		assertThat(request.getUrl().queryParameter("chunked")).isEqualTo("true");
		assertThat(request.getUrl().queryParameterNames()).containsExactlyInAnyOrder("db", "tenant", "chunked");
		assertThat(request.getHeaders().values("Accept")).containsExactly("application/csv");
		assertThat(request.getHeaders().values("Authorization")).containsExactly("Basic cm9vdDo=");
		assertThat(request.getHeaders().get("Content-Length")).isEqualTo("9");
		assertThat(request.getHeaders().get("Transfer-Encoding")).isNull();
		assertThat(request.getChunkSizes()).as("chunk sizes").isNullOrEmpty();
		assertThat(request.getBody().utf8()).isEqualTo("select 1;");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void sqlBodyIsUtf8WithItsByteLengthAsContentLength(Transport transport) {
		String sql = "SELECT * FROM \"气象\" WHERE station = 'Zürich ☃'";
		this.db.enqueue(recorded("select-1"));
		this.db.template(transport).execute(sql);
		RecordedRequest request = this.db.takeRequest();
		byte[] expected = sql.getBytes(StandardCharsets.UTF_8);
		assertThat(request.getBody().toByteArray()).isEqualTo(expected);
		assertThat(request.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(expected.length));
		assertThat(request.getChunkSizes()).as("chunk sizes").isNullOrEmpty();
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void databaseAndTenantArePercentEncoded(Transport transport) {
		this.db.enqueue(recorded("select-1"), recorded("write"));
		CnosTemplate template = this.db.template(transport).withTenant("t&en=ant 1").withDatabase("my db&x=1+ü");
		template.execute("select 1");
		template.writeLines(List.of("m f=1"));
		for (RecordedRequest request : List.of(this.db.takeRequest(), this.db.takeRequest())) {
			assertThat(request.getUrl().queryParameter("db")).isEqualTo("my db&x=1+ü");
			assertThat(request.getUrl().queryParameter("tenant")).isEqualTo("t&en=ant 1");
			assertThat(request.getUrl().queryParameterValues("x")).isEmpty();
			assertThat(request.getTarget()).doesNotContain(" ", "ü").contains("db=my%20db%26x%3D1%2B%C3%BC");
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void databaseWithQueryAndFragmentCharactersStaysOneParameter(Transport transport) {
		this.db.enqueue(recorded("select-1"));
		this.db.template(transport).withDatabase("a?b#c").execute("select 1");
		RecordedRequest request = this.db.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/sql");
		assertThat(request.getUrl().queryParameter("db")).isEqualTo("a?b#c");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void writeRequestHasTheShapeTheServerRequires(Transport transport) {
		this.db.enqueue(recorded("write"));
		this.db.template(transport).writeLines(List.of("test_v1_write_path,ta=a1,tb=b1 fa=1,fb=2"));
		RecordedRequest request = this.db.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/write");
		assertThat(request.getUrl().queryParameter("db")).isEqualTo("public");
		assertThat(request.getUrl().queryParameter("tenant")).isEqualTo("cnosdb");
		assertThat(request.getUrl().queryParameter("precision")).isEqualTo("ns");
		assertThat(request.getHeaders().values("Authorization")).containsExactly("Basic cm9vdDo=");
		assertThat(request.getChunkSizes()).as("chunk sizes").isNullOrEmpty();
		String body = "test_v1_write_path,ta=a1,tb=b1 fa=1,fb=2\n";
		assertThat(request.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(body.length()));
		assertThat(request.getBody().utf8()).isEqualTo(body);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void writeSendsThePrecisionItWasGiven(Transport transport) {
		this.db.enqueue(recorded("write"), recorded("write"));
		CnosTemplate template = this.db.template(transport);
		template.writeLines(List.of("m f=1 1690510331000"), CnosPrecision.MS);
		template.writeLines(List.of("m f=1 1690510331000000"), CnosPrecision.US);
		assertThat(this.db.takeRequest().getUrl().queryParameter("precision")).isEqualTo("ms");
		assertThat(this.db.takeRequest().getUrl().queryParameter("precision")).isEqualTo("us");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void credentialsAreSentAsBasicAuthentication(Transport transport) {
		this.db.enqueue(recorded("select-1"));
		transport.configure(this.db, this.db.builder().credentials("bob", "pa:ss wörd")).build().execute("select 1");
		String token = java.util.Base64.getEncoder().encodeToString("bob:pa:ss wörd".getBytes(StandardCharsets.UTF_8));
		assertThat(this.db.takeRequest().getHeaders().values("Authorization")).containsExactly("Basic " + token);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void baseUrlPathIsKept(Transport transport) {
		this.db.enqueue(recorded("select-1"));
		transport.configure(this.db, CnosTemplate.builder().url(this.db.server().url("/cnosdb/").toString()))
			.build()
			.execute("select 1");
		assertThat(this.db.takeRequest().getUrl().encodedPath()).isEqualTo("/cnosdb/api/v1/sql");
	}

}

package io.cnosdb.spring.benchmarks.query;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import io.cnosdb.spring.core.CnosTemplate;

/**
 * The B5 contenders, each posting the statement to the replay server and reading the
 * whole answer; each returns what it counted (rows, or bytes for the raw download) so the
 * suite can check it against what the server sent.
 */
final class DownloadContenders implements AutoCloseable {

	private final CnosTemplate template;

	/** Ours over the same answer held in memory: the query path without the network. */
	private final CnosTemplate parseOnly;

	private final CloseableHttpClient httpComponents = HttpClients.createDefault();

	private final HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI uri;

	private final byte[] sql = QueryDataset.SQL.getBytes(StandardCharsets.UTF_8);

	/**
	 * The sum of {@link Cpu#checksum} over the rows the last {@code ours} or
	 * {@code diyJdkFastCsv} read: the suite compares it with the generated rows', so
	 * values are checked, not only counted (and the mapped values are kept live).
	 */
	long checksum;

	/**
	 * @param port the replay server's
	 * @param rows the rows it answers with, generated here again for the parse-only run
	 */
	DownloadContenders(int port, int rows) {
		this.template = CnosTemplate.builder().url("http://127.0.0.1:" + port).build();
		byte[] csv = QueryDataset.csv(rows);
		this.parseOnly = ParseContenders.template(() -> new SlicedInputStream(csv));
		// The request ours sends: a streamed (chunked) answer, not compressed.
		this.uri = URI.create("http://127.0.0.1:" + port + "/api/v1/sql?db=public&tenant=cnosdb&chunked=true");
	}

	/**
	 * Ours: the template as the starter ships it (HttpClient 5), mapping rows by name.
	 */
	long ours() {
		long rows = 0;
		this.checksum = 0;
		try (Stream<Cpu> stream = this.template.queryForStream(QueryDataset.SQL, ParseContenders.BY_NAME)) {
			for (var iterator = stream.iterator(); iterator.hasNext();) {
				this.checksum += Cpu.checksum(iterator.next());
				rows++;
			}
		}
		return rows;
	}

	/**
	 * Ours with the answer read from memory in 16–64 KiB slices, as in B4: what a reader
	 * that builds records can do at best, the bound B5's end-to-end rate is measured
	 * against.
	 */
	long oursParseOnly() {
		this.checksum = 0;
		return ParseContenders.ours(this.parseOnly, ParseContenders.BY_NAME,
				(cpu) -> this.checksum += Cpu.checksum(cpu));
	}

	/**
	 * The ceiling: the same request with HttpClient 5, the answer read into a buffer and
	 * dropped.
	 */
	long rawDownload() throws IOException {
		HttpPost post = new HttpPost(this.uri);
		post.setHeader("Accept", "application/csv");
		post.setHeader("Accept-Encoding", "identity");
		post.setEntity(new ByteArrayEntity(this.sql, ContentType.TEXT_PLAIN));
		return this.httpComponents.execute(post, (ClassicHttpResponse response) -> {
			long bytes = 0;
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = response.getEntity().getContent()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					bytes += read;
				}
			}
			return bytes;
		});
	}

	/**
	 * The obvious do-it-yourself client: the JDK's HttpClient and FastCSV into records.
	 */
	long diyJdkFastCsv() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.header("Accept", "application/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.sql))
			.build();
		HttpResponse<InputStream> response = this.jdk.send(request, HttpResponse.BodyHandlers.ofInputStream());
		this.checksum = 0;
		try (InputStream body = response.body()) {
			return ParseContenders.fastCsvRecord(body, (cpu) -> this.checksum += Cpu.checksum(cpu));
		}
	}

	@Override
	public void close() throws IOException {
		this.httpComponents.close();
	}

}

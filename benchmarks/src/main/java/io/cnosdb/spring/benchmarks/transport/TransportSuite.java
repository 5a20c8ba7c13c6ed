package io.cnosdb.spring.benchmarks.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import io.cnosdb.spring.benchmarks.Contenders;
import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.Suite;
import io.cnosdb.spring.benchmarks.Versions;
import io.cnosdb.spring.benchmarks.report.RunInfo;
import io.cnosdb.spring.benchmarks.sink.HttpSink;
import io.cnosdb.spring.benchmarks.sink.SinkProcess;

/**
 * B3: HTTP transport alone. One thread POSTs pre-encoded line-protocol bodies of 64 KiB,
 * 1 MiB and 8 MiB through each client to a sink in another JVM that only reads them; MB/s
 * and client CPU seconds per GB, and each ÷ the raw socket. The sink's byte and request
 * counts must match what was sent, or the run fails.
 */
public final class TransportSuite implements Suite {

	static final String PATH = "/api/v1/write?db=public&tenant=cnosdb&precision=ns";

	private static final int[] SIZES = { 64 * 1024, 1024 * 1024, 8 * 1024 * 1024 };

	@Override
	public String name() {
		return "b3";
	}

	@Override
	public String description() {
		return "HTTP transport: pre-encoded bodies of 64 KiB, 1 MiB, 8 MiB to a discarding sink (MB/s, CPU-s/GB)";
	}

	@Override
	public void run(boolean quick) throws Exception {
		long budget = quick ? 150_000_000L : 1_200_000_000L;
		long timeCapNanos = (quick ? 4L : 20L) * 1_000_000_000L;
		long warmUpNanos = (quick ? 1L : 3L) * 1_000_000_000L;
		int repetitions = quick ? 1 : 5;
		long minCpuNanos = quick ? 0 : Measured.MIN_CPU_TICKS * Measured.TICK_NANOS;
		// Spring's jars carry no Maven metadata; its version is the one Spring Boot
		// manages.
		System.out.printf(Locale.ROOT, "%s; httpclient5 %s, jetty-client %s, okhttp %s%n", Versions.jdk(),
				Versions.of("org.apache.httpcomponents.client5", "httpclient5"),
				Versions.of("org.eclipse.jetty", "jetty-client"), okhttp3.OkHttp.VERSION);
		System.out.printf(Locale.ROOT,
				"%,d bytes and %d ms of client CPU, or at most %d s, per contender and body size after %d s of warm-up, "
						+ "%d repetition(s); one sending thread per contender; no contender's socket buffers are set%s%n",
				budget, minCpuNanos / 1_000_000L, timeCapNanos / 1_000_000_000L, warmUpNanos / 1_000_000_000L,
				repetitions, quick ? "; SMOKE RUN: not a result" : "");
		TransportBodies bodies = new TransportBodies();
		try (SinkProcess sink = SinkProcess.start(HttpSink.Mode.DISCARD)) {
			List<Transport> transports = transports(sink.url(), sink.port());
			try {
				new TransportRuns(sink, transports).run(bodies, SIZES, budget, timeCapNanos, warmUpNanos, repetitions,
						minCpuNanos, RunInfo.current(quick));
			}
			finally {
				for (Transport transport : transports) {
					transport.close();
				}
			}
		}
	}

	private static List<Transport> transports(String url, int port) throws Exception {
		List<Transport> transports = new ArrayList<>();
		transports.add(new RawTransport(port));
		transports.add(new OursTransport(url));
		transports.add(new HttpComponentsTransport(url));
		transports.add(new JettyTransport(url));
		transports.add(new JdkTransport(url, true));
		transports.add(new JdkTransport(url, false));
		transports.add(new OkHttpTransport(url, true));
		transports.add(new OkHttpTransport(url, false));
		transports.add(new RestClientTransport("RestClient + HttpComponents", url,
				new HttpComponentsClientHttpRequestFactory()));
		transports.add(new RestClientTransport("RestClient + Jetty", url, new JettyClientHttpRequestFactory()));
		transports.add(new RestClientTransport("RestClient + JDK", url, new JdkClientHttpRequestFactory()));
		transports.add(new RestClientTransport("RestClient + Simple", url, new SimpleClientHttpRequestFactory()));
		List<Transport> selected = new ArrayList<>();
		for (Transport transport : transports) {
			// The raw socket always runs, first: the ratios need it.
			if (transport instanceof RawTransport || Contenders.selected(transport.name())) {
				selected.add(transport);
			}
			else {
				transport.close();
			}
		}
		return selected;
	}

}

package io.cnosdb.spring.benchmarks.real;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.cnosdb.spring.benchmarks.query.Cpu;
import io.cnosdb.spring.core.CnosTemplate;

/**
 * One B7 query in a JVM of its own (started by {@link StreamSuite} with a small heap), so
 * that its memory is the query's alone. Prints {@code key value} lines: the time to the
 * first row and to the last, the rows, the peak of the heap still live after a garbage
 * collection while the answer was open, and the process's peak resident memory.
 * <p>
 * {@code java … StreamProbe <ours|unchunked> <url> <database> <rows>}, credentials from
 * {@code CNOSDB_USER} and {@code CNOSDB_PASSWORD}.
 */
public final class StreamProbe {

	private StreamProbe() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		RealServer server = new RealServer(args[1], System.getenv().getOrDefault("CNOSDB_USER", "root"),
				System.getenv().getOrDefault("CNOSDB_PASSWORD", ""));
		String database = args[2];
		long rows = Long.parseLong(args[3]);
		String sql = ServerReads.select(rows);
		AtomicLong peakLive = watchLiveHeap();
		long[] times = switch (mode) {
			case "ours" -> ours(server, database, sql);
			case "unchunked" -> unchunked(server, database, sql);
			default -> throw new IllegalArgumentException("Unknown mode '" + mode + "': use ours or unchunked");
		};
		// GC notifications arrive on another thread, shortly after each collection.
		Thread.sleep(200);
		System.out.println("first_row_ns " + times[0]);
		System.out.println("wall_ns " + times[1]);
		System.out.println("count " + times[2]);
		System.out.println("peak_live_bytes " + peakLive.get());
		System.out.println("max_rss_kb " + peakResidentKib());
	}

	/** Ours: {@code queryForStream}, rows mapped to records by name. */
	private static long[] ours(RealServer server, String database, String sql) {
		try (CnosTemplate template = server.template(database)) {
			long start = System.nanoTime();
			long firstRow = -1;
			long rows = 0;
			long checksum = 0;
			try (Stream<Cpu> stream = template.queryForStream(sql, ServerReads.CPU)) {
				Iterator<Cpu> iterator = stream.iterator();
				while (iterator.hasNext()) {
					checksum += Cpu.checksum(iterator.next());
					if (rows++ == 0) {
						firstRow = System.nanoTime() - start;
					}
				}
				long wall = System.nanoTime() - start;
				// At least one collection while the answer is open, so that its live heap
				// is seen.
				System.gc();
				return new long[] { firstRow, wall, rows, checksum };
			}
		}
	}

	/**
	 * Without {@code chunked=true}: the server collects the whole answer before it sends
	 * the first byte. Read as a stream of bytes, the first row counted at its end of
	 * line.
	 */
	private static long[] unchunked(RealServer server, String database, String sql)
			throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		long start = System.nanoTime();
		long[] times = new long[2];
		long lines = ServerReads.download(client, server, database, sql, false,
				() -> times[0] = System.nanoTime() - start, () -> {
					times[1] = System.nanoTime() - start;
					// At least one collection while the answer is open, as for ours.
					System.gc();
				});
		return new long[] { times[0], times[1], lines - 1 };
	}

	/**
	 * The largest heap found live after any garbage collection from now on: the sum, over
	 * the heap's pools, of what each collection left in use.
	 */
	private static AtomicLong watchLiveHeap() {
		Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());
		AtomicLong peak = new AtomicLong();
		for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
				if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
					return;
				}
				long live = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
					.getGcInfo()
					.getMemoryUsageAfterGc()
					.entrySet()
					.stream()
					.filter((entry) -> heapPools.contains(entry.getKey()))
					.mapToLong((entry) -> entry.getValue().getUsed())
					.sum();
				peak.accumulateAndGet(live, Math::max);
			}, null, null);
		}
		return peak;
	}

	/** The process's peak resident memory ({@code VmHWM}), in KiB; 0 where unknown. */
	private static long peakResidentKib() throws IOException {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return 0;
		}
		return Files.readAllLines(status)
			.stream()
			.filter((line) -> line.startsWith("VmHWM:"))
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
			.findFirst()
			.orElse(0L);
	}

}

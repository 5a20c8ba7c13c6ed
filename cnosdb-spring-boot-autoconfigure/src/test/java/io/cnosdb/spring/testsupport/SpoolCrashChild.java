package io.cnosdb.spring.testsupport;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.spool.SpoolSettings;
import io.cnosdb.spring.core.batch.spool.SpoolStatus;
import io.cnosdb.spring.core.batch.spool.SpoolSync;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;

/**
 * The application of the spool's crash tests, run in a JVM of its own so that it can be
 * killed with {@code SIGKILL}. In {@code write} mode it writes points
 * {@code crash v=<i>i <base + i>} (a time of {@code base + i} nanoseconds) as fast as it
 * can into a batch writer with a spool, and after each write returns stores how many
 * returned in a memory-mapped counter file, which outlives the kill; it never stops by
 * itself before {@code maxPoints}. In {@code drain} mode it opens the same spool, sends
 * what the killed run left, prints {@code recovered=<points>} and exits.
 * <p>
 * Arguments: {@code write|drain url database spoolDirectory counterFile maxPoints base};
 * the credentials come from the environment's {@code CNOSDB_USER} and
 * {@code CNOSDB_PASSWORD}, as for the integration tests.
 */
public final class SpoolCrashChild {

	private SpoolCrashChild() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		String user = System.getenv("CNOSDB_USER");
		String password = System.getenv("CNOSDB_PASSWORD");
		CnosTemplate template = CnosTemplate.builder()
			.url(args[1])
			.credentials((user != null) ? user : "root", (password != null) ? password : "")
			.database(args[2])
			.readTimeout(Duration.ofSeconds(1))
			.build();
		CnosBatchWriter writer = CnosBatchWriter.builder(template)
			.spool(SpoolSettings.of(Path.of(args[3]), 512L * 1024 * 1024, SpoolSync.INTERVAL, Duration.ofSeconds(1)))
			.batchSize(2000)
			.flushInterval(Duration.ofMillis(20))
			.retryBackoff(Duration.ofMillis(10), Duration.ofMillis(200))
			.closeTimeout(Duration.ofSeconds(60))
			.build();
		if (mode.equals("drain")) {
			SpoolStatus status = writer.getSpoolStatus();
			writer.flush();
			writer.close();
			System.out.println("recovered=" + status.recoveredPoints());
			return;
		}
		try (FileChannel channel = FileChannel.open(Path.of(args[4]), StandardOpenOption.CREATE,
				StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			MappedByteBuffer counter = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);
			write(writer, counter, Long.parseLong(args[5]), Long.parseLong(args[6]));
		}
		// Reached maxPoints before the kill: wait for it.
		Thread.sleep(Duration.ofMinutes(1).toMillis());
	}

	private static void write(CnosBatchWriter writer, MappedByteBuffer counter, long maxPoints, long base)
			throws IOException {
		for (long i = 0; i < maxPoints; i++) {
			writer.write(Point.measurement("crash").field("v", i).time(base + i, CnosPrecision.NS));
			counter.putLong(0, i + 1);
		}
	}

}

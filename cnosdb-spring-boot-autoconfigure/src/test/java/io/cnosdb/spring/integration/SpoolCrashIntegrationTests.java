package io.cnosdb.spring.integration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.testsupport.CnosDbServer;
import io.cnosdb.spring.testsupport.ServerCommands;
import io.cnosdb.spring.testsupport.SpoolCrashRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spool's crash test against a real CnosDB: an application writes points at full
 * speed into a batch writer with a spool; at a random moment the server is stopped (its
 * stop command), the application goes on writing into the spool, and is killed with
 * {@code SIGKILL}; the server is started again, and a second application on the same
 * spool sends what the first left. Every point whose write returned must be in the
 * database. A point the server received twice (a batch it stored whose answer the killed
 * writer never read) has the same series and time both times, so CnosDB keeps one row:
 * such duplicates are harmless and not visible in the counts.
 */
@ExtendWith(ServerCommands.class)
class SpoolCrashIntegrationTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private static final int RUNS = 3;

	private static final long MAX_POINTS = 5_000_000;

	private final ServerCommands commands = new ServerCommands();

	@TempDir
	Path temporary;

	@Test
	void noPointWhoseWriteReturnedIsLostWhenTheServerStopsAndTheWriterIsKilled() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<String> figures = new ArrayList<>();
		List<long[]> counts = new ArrayList<>();
		for (int run = 1; run <= RUNS; run++) {
			long[] result = run(run, 300 + random.nextInt(1500), 200 + random.nextInt(800));
			counts.add(result);
			figures.add(String.format("%3d  %7d ms  %7d ms  %8d  %9d  %9d  %4d", run, result[0], result[1], result[2],
					result[3], result[4], result[2] - result[3]));
		}
		System.out.println("Spool crash test against CnosDB " + cnosdb.template().ping(Duration.ofSeconds(5)).version()
				+ " (seed " + seed + "):");
		System.out.println("run  stopped after  killed after  accepted  held (<accepted)  recovered  lost");
		figures.forEach(System.out::println);
		assertThat(counts).allSatisfy((result) -> {
			assertThat(result[2]).as("accepted").isPositive();
			assertThat(result[3]).as("held of those accepted").isEqualTo(result[2]);
		});
	}

	/**
	 * @return stopped after, killed after (ms), accepted, held of those accepted,
	 * recovered
	 */
	private long[] run(int run, int stopAfterMillis, int killAfterStopMillis) throws Exception {
		String database = CnosDbServer.uniqueName("spool_crash");
		CnosTemplate cnos = cnosdb.template();
		cnos.createDatabase(database, DatabaseOptions.defaults().ttl(Duration.ofDays(3650)));
		try {
			long base = Instant.now().getEpochSecond() * 1_000_000_000L;
			SpoolCrashRun crash = new SpoolCrashRun(cnosdb.url(), database, this.temporary.resolve("spool-" + run),
					MAX_POINTS, base);
			Process writing = crash.startWriting();
			Thread.sleep(stopAfterMillis);
			this.commands.stop();
			Thread.sleep(killAfterStopMillis);
			crash.kill(writing);
			this.commands.start();
			awaitServer(cnos);
			crash.drain(Duration.ofMinutes(5));
			CnosTemplate db = cnos.withDatabase(database);
			Long held = db.queryForObject("SELECT COUNT(v) FROM crash WHERE v < " + crash.accepted(), Long.class);
			return new long[] { stopAfterMillis, killAfterStopMillis, crash.accepted(), held, crash.recovered() };
		}
		finally {
			awaitServer(cnos);
			cnos.dropDatabaseIfExists(database);
		}
	}

	private static void awaitServer(CnosTemplate cnos) throws InterruptedException, IOException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			try {
				cnos.queryForObject("SELECT 1", Long.class);
				return;
			}
			catch (RuntimeException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
	}

}

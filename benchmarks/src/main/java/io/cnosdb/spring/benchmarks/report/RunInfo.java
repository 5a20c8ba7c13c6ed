package io.cnosdb.spring.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * When and where figures were measured, for a chart's title and a result file's head; and
 * whether the run was a smoke run, whose figures are not results.
 *
 * @param date the day of the run
 * @param jdk the JDK, such as {@code JDK 17.0.15 (OpenJDK 64-Bit Server VM)}
 * @param machine processors, CPU model, memory and operating system
 * @param smoke whether this was a {@code --quick} run, a check that the suites work
 */
public record RunInfo(LocalDate date, String jdk, String machine, boolean smoke) {

	/** This JVM, today. */
	public static RunInfo current(boolean smoke) {
		return new RunInfo(LocalDate.now(),
				"JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
				describeMachine(), smoke);
	}

	/** The JDK's feature release, {@code 17} or {@code 25}, for file names. */
	public static int jdkFeature() {
		return Runtime.version().feature();
	}

	/** One line: date, JDK and machine, with a smoke-run warning where it applies. */
	public String describe() {
		return this.date + " · " + this.jdk + " · " + this.machine + (this.smoke ? " · SMOKE RUN, NOT A RESULT" : "");
	}

	private static String describeMachine() {
		long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize();
		return String.format(Locale.ROOT, "%d CPUs%s, %d GiB, %s %s", Runtime.getRuntime().availableProcessors(),
				cpuModel(), memory >> 30, System.getProperty("os.name"), System.getProperty("os.version"));
	}

	/** The CPU model Linux reports, or nothing elsewhere. */
	private static String cpuModel() {
		Path cpuInfo = Path.of("/proc/cpuinfo");
		if (!Files.isReadable(cpuInfo)) {
			return "";
		}
		try (Stream<String> lines = Files.lines(cpuInfo)) {
			return lines.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> " (" + line.substring(line.indexOf(':') + 1).strip() + ")")
				.orElse("");
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

}

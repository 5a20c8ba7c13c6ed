package io.cnosdb.spring.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Narrows a suite to some contenders, for profiling one of them: the system property
 * {@code contenders} lists comma-separated parts of names
 * ({@code -Dcontenders=ours,questdb}); without it every contender runs. A suite's
 * baseline always runs, since ratios need it.
 */
public final class Contenders {

	private static final List<String> SELECTED = Arrays.stream(System.getProperty("contenders", "").split(","))
		.map((part) -> part.strip().toLowerCase(Locale.ROOT))
		.filter((part) -> !part.isEmpty())
		.toList();

	private Contenders() {
	}

	/** Whether the contender of this name is to run. */
	public static boolean selected(String name) {
		String lowerCase = name.toLowerCase(Locale.ROOT);
		return SELECTED.isEmpty() || SELECTED.stream().anyMatch(lowerCase::contains);
	}

}

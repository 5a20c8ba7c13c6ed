package io.cnosdb.spring.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the package table of the README's "Architecture" section: rows of
 * {@code | `io.cnosdb.spring.<package>` | what it holds | `<package>`, `<package>` |}.
 */
final class ArchitectureTable {

	private static final String PREFIX = "io.cnosdb.spring.";

	private static final Pattern ROW = Pattern
		.compile("^\\| `" + Pattern.quote(PREFIX) + "([\\w.]+)` \\|.*\\| (.*) \\|$");

	private static final Pattern NAME = Pattern.compile("`([\\w.]+)`");

	private ArchitectureTable() {
	}

	static Map<String, List<String>> read(Path readme) {
		Map<String, List<String>> table = new LinkedHashMap<>();
		boolean inSection = false;
		for (String line : lines(readme)) {
			if (line.startsWith("## ")) {
				inSection = line.equals("## Architecture");
				continue;
			}
			Matcher row = ROW.matcher(line);
			if (inSection && row.matches()) {
				List<String> uses = new ArrayList<>();
				Matcher name = NAME.matcher(row.group(2));
				while (name.find()) {
					uses.add(name.group(1));
				}
				table.put(row.group(1), List.copyOf(uses));
			}
		}
		if (table.isEmpty()) {
			throw new IllegalStateException("No package table in the Architecture section of " + readme);
		}
		return table;
	}

	private static List<String> lines(Path readme) {
		try {
			return Files.readAllLines(readme);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

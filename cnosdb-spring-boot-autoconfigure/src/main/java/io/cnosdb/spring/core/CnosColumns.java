package io.cnosdb.spring.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column names of a result, in the statement's order, duplicates kept, with a lookup by
 * name: exact first, then ignoring case (the first of equal names wins).
 */
final class CnosColumns {

	static final CnosColumns NONE = new CnosColumns(new String[0]);

	private final String[] names;

	private final Map<String, Integer> exact = new HashMap<>();

	private final Map<String, Integer> ignoringCase = new HashMap<>();

	CnosColumns(String[] names) {
		this.names = names;
		for (int i = 0; i < names.length; i++) {
			this.exact.putIfAbsent(names[i], i);
			this.ignoringCase.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
		}
	}

	int count() {
		return this.names.length;
	}

	String name(int index) {
		return this.names[index];
	}

	List<String> names() {
		return Collections.unmodifiableList(Arrays.asList(this.names));
	}

	/** The index of a column, or -1. */
	int indexOf(String name) {
		Integer index = this.exact.get(name);
		if (index == null) {
			index = this.ignoringCase.get(name.toLowerCase(Locale.ROOT));
		}
		return (index != null) ? index : -1;
	}

}

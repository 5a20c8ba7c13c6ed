package io.cnosdb.spring.core.result;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column names of a result, in the statement's order, duplicates kept, with a lookup
 * by name: exact first, then ignoring case (the first of equal names wins). Used by one
 * thread at a time, as the rows of a result are.
 */
public final class CnosColumns {

	static final CnosColumns NONE = new CnosColumns(new String[0]);

	private final String[] names;

	private final List<String> nameList;

	private final Map<String, Integer> exact = new HashMap<>();

	private final Map<String, Integer> ignoringCase = new HashMap<>();

	/**
	 * Names found before, compared by identity: a mapper asks for the same string
	 * constants on every row, and a few reference checks cost less than hashing them
	 * again.
	 */
	private final String[] recentNames = new String[16];

	private final int[] recentIndexes = new int[16];

	private int recentCount;

	/** Where in {@link #recentNames} the next name asked for is likely to be. */
	private int nextRecent;

	CnosColumns(String[] names) {
		this.names = names;
		this.nameList = Collections.unmodifiableList(Arrays.asList(names.clone()));
		for (int i = 0; i < names.length; i++) {
			this.exact.putIfAbsent(names[i], i);
			this.ignoringCase.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
		}
	}

	public int count() {
		return this.names.length;
	}

	public String name(int index) {
		return this.names[index];
	}

	List<String> names() {
		return this.nameList;
	}

	/** The index of a column, or -1. */
	public int indexOf(String name) {
		// A mapper asks for the same names in the same order on every row: try the one
		// after
		// the last found first.
		int next = this.nextRecent;
		if (next < this.recentCount && this.recentNames[next] == name) {
			this.nextRecent = next + 1;
			return this.recentIndexes[next];
		}
		for (int i = 0; i < this.recentCount; i++) {
			if (this.recentNames[i] == name) {
				this.nextRecent = i + 1;
				return this.recentIndexes[i];
			}
		}
		int index = lookUp(name);
		if (index >= 0 && this.recentCount < this.recentNames.length) {
			this.recentNames[this.recentCount] = name;
			this.recentIndexes[this.recentCount] = index;
			this.recentCount++;
			this.nextRecent = this.recentCount;
		}
		return index;
	}

	private int lookUp(String name) {
		Integer index = this.exact.get(name);
		if (index == null) {
			index = this.ignoringCase.get(name.toLowerCase(Locale.ROOT));
		}
		return (index != null) ? index : -1;
	}

}

package io.cnosdb.spring.core.write;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RowKeys} recognises the last row's keys by identity; these rows reuse, reorder
 * and repeat the same instances, so that a shortcut taken wrongly would miss a duplicate.
 */
class RowKeysTest {

	private final RowKeys keys = new RowKeys();

	@Test
	void findsAKeyOfTheRowWhateverTheRowsBefore() {
		String a = "a";
		String b = "b";
		String c = "c";
		addRow(a, b, c);
		this.keys.clear();
		// b moves to the front: the last row's c at position 2 must not hide the b at 0.
		add(b);
		add(c);
		assertThat(this.keys.indexOf(b)).isZero();
		assertThat(this.keys.indexOf(c)).isOne();
		assertThat(this.keys.indexOf(a)).isEqualTo(-1);
		this.keys.clear();
		// The same instances in the same order are new at each position, and found
		// after.
		addRow(a, b, c);
		assertThat(this.keys.indexOf(a)).isZero();
		assertThat(this.keys.indexOf(c)).isEqualTo(2);
	}

	@Test
	void findsAKeyEqualToButNotTheInstanceOfOneOfTheRow() {
		addRow("host", "usage");
		this.keys.clear();
		add("host");
		assertThat(this.keys.indexOf(new String("host"))).isZero();
		assertThat(this.keys.indexOf(new String("usage"))).isEqualTo(-1);
	}

	@Test
	void forgetsTheKeysOfEarlierRowsWhenTold() {
		String a = "a";
		addRow(a, "b");
		this.keys.forget();
		assertThat(this.keys.size()).isZero();
		assertThat(this.keys.indexOf(a)).isEqualTo(-1);
		add(a);
		assertThat(this.keys.indexOf(a)).isZero();
	}

	@Test
	void answersAsAPlainListForRandomRowsOfReusedInstances() {
		// Few names, reused as the same instances, and some equal copies: rows repeat,
		// shift, and repeat a key, narrow and wider than the scanned limit.
		String[] names = new String[40];
		for (int i = 0; i < names.length; i++) {
			names[i] = "k" + i;
		}
		SplittableRandom random = new SplittableRandom(16);
		List<String> previous = List.of();
		for (int row = 0; row < 20_000; row++) {
			List<String> expected = new ArrayList<>();
			this.keys.clear();
			int width = random.nextInt(random.nextBoolean() ? 6 : 40);
			for (int i = 0; i < width; i++) {
				String key = pick(random, names, previous, i);
				int index = this.keys.indexOf(key);
				assertThat(index).as("row %d key %d %s of %s", row, i, key, expected).isEqualTo(expected.indexOf(key));
				if (index < 0) {
					this.keys.add(key);
					expected.add(key);
				}
			}
			assertThat(this.keys.size()).isEqualTo(expected.size());
			for (String name : names) {
				assertThat(this.keys.indexOf(name)).isEqualTo(expected.indexOf(name));
			}
			previous = expected;
		}
	}

	private static String pick(SplittableRandom random, String[] names, List<String> previous, int position) {
		int choice = random.nextInt(10);
		if (choice < 6 && position < previous.size()) {
			// The last row's key at this position, as most rows do.
			return previous.get(position);
		}
		String name = names[random.nextInt(names.length)];
		return (choice == 9) ? new String(name) : name;
	}

	private void addRow(String... row) {
		for (String key : row) {
			add(key);
		}
	}

	private void add(String key) {
		assertThat(this.keys.indexOf(key)).as(key).isEqualTo(-1);
		this.keys.add(key);
	}

}

package io.cnosdb.spring.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Name lookups give the first exact match, else the first match ignoring case, whatever
 * the order and the identity of the names asked for.
 */
class CnosColumnsTests {

	private static final String[] NAMES = { "time", "host", "Region", "usage_user", "usage_system", "count", "host",
			"HOST", "region" };

	@Test
	void lookupsInAnyOrderMatchAScanOfTheNames() {
		CnosColumns columns = new CnosColumns(NAMES.clone());
		List<String> asked = new ArrayList<>(List.of(NAMES));
		asked.addAll(List.of("Time", "REGION", "nope", "Count", "usage_USER", "hoSt", ""));
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 50_000; i++) {
			String name = asked.get((i % 3 == 0) ? random.nextInt(asked.size()) : i % asked.size());
			// Constants, as a mapper passes, and equal strings built anew.
			String query = random.nextBoolean() ? name : new String(name.toCharArray());
			assertThat(columns.indexOf(query)).as(query).isEqualTo(scan(query));
		}
	}

	private static int scan(String name) {
		for (int i = 0; i < NAMES.length; i++) {
			if (NAMES[i].equals(name)) {
				return i;
			}
		}
		for (int i = 0; i < NAMES.length; i++) {
			if (NAMES[i].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return i;
			}
		}
		return -1;
	}

}

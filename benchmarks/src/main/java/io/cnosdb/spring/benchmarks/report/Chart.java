package io.cnosdb.spring.benchmarks.report;

import java.util.List;

/**
 * The figures of one benchmark as a chart shows them: groups (a variant, a body size) of
 * bars, one per contender, each with its interval.
 *
 * @param id the file name's stem, such as {@code b1}
 * @param title what was measured, such as {@code B1 encode}
 * @param unit the axis' unit, such as {@code ns/point}
 * @param higherIsBetter whether a longer bar is better (rates) or worse (times)
 * @param groups the bars, by group
 */
public record Chart(String id, String title, String unit, boolean higherIsBetter, List<Group> groups) {

	/** Bars measured under the same conditions, drawn together under the group's name. */
	public record Group(String name, List<Bar> bars) {

	}

	/** One contender's figure. */
	public record Bar(String label, Role role, Estimate estimate) {

	}

	/** How a contender takes part, which the bar's colour shows. */
	public enum Role {

		/** This project's client. */
		OURS("ours", "#1f6fb4"),

		/** Another library doing the same work. */
		PEER("peer", "#8c8c8c"),

		/** What the machine allows with no library in the way: the best anyone can do. */
		CEILING("ceiling", "#2e8b3a"),

		/** Part of the work alone (tokenizing, scanning): a bound, not a contender. */
		FLOOR("floor", "#c7a224");

		private final String cssClass;

		private final String colour;

		Role(String cssClass, String colour) {
			this.cssClass = cssClass;
			this.colour = colour;
		}

		String cssClass() {
			return this.cssClass;
		}

		String colour() {
			return this.colour;
		}

	}

}

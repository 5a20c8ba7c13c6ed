package io.cnosdb.spring.benchmarks.report;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportTests {

	private static RunInfo run(boolean smoke) {
		return new RunInfo(LocalDate.of(2026, 11, 21), "JDK 25", "2 CPUs", smoke);
	}

	@Test
	void ratiosComeFromTheRecordedFiguresAndEnterTheResultFile() {
		Report report = new Report("b1", "B1 encode", "ns/point", false, run(false));
		report.bar("PLAIN", "oursRowWriter", Chart.Role.OURS, new Estimate(150, 145, 155));
		report.bar("PLAIN", "questDb", Chart.Role.PEER, new Estimate(500, 490, 510));
		Ratio ratio = report.ratio("PLAIN", "like for like: build+encode", "oursRowWriter", "questDb");
		assertThat(ratio.distinguishable()).isTrue();
		String text = report.resultText();
		assertThat(text).contains("# smoke=false", "PLAIN\toursRowWriter\tours\t150.0\t145.0\t155.0",
				"PLAIN\tlike for like: build+encode\toursRowWriter ÷ questDb\t" + ratio);
		assertThat(report.chart().groups()).singleElement().satisfies((group) -> assertThat(group.bars()).hasSize(2));
	}

	@Test
	void smokeRunIsFlaggedInTheResultFile() {
		Report report = new Report("b5", "B5", "rows/s", true, run(true));
		assertThat(report.resultText()).contains("# smoke=true", "SMOKE RUN, NOT A RESULT");
	}

	@Test
	void ratioOfAnUnrecordedContenderIsRefusedByName() {
		Report report = new Report("b5", "B5", "rows/s", true, run(false));
		report.bar("all", "ours", Chart.Role.OURS, new Estimate(1, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> report.ratio("all", "pair", "ours", "fastCsv"))
			.withMessage("No figure for 'fastCsv' in group 'all'");
	}

}

package org.oneweek.casework;

import org.junit.jupiter.api.Test;
import org.oneweek.casework.Case.Reporter;

import static org.assertj.core.api.Assertions.assertThat;

class ReporterMaskTest {

	@Test
	void namesKeepTheirFamilyNameAndPhonesTheirEnds() {
		Reporter reporter = new Reporter("陈国华", "13812345678", "3组12号", true);
		assertThat(reporter.maskedName()).isEqualTo("陈**");
		assertThat(reporter.maskedPhone()).isEqualTo("138****5678");
	}

	@Test
	void shortAndMissingValuesRevealNothingMore() {
		assertThat(new Reporter("李", "12345", null, false).maskedName()).isEqualTo("李*");
		assertThat(new Reporter("李", "12345", null, false).maskedPhone()).isEqualTo("*2345");
		assertThat(new Reporter(null, null, null, false).maskedName()).isEmpty();
		assertThat(new Reporter(null, "  ", null, false).maskedPhone()).isEmpty();
		assertThat(new Reporter("老李头", "025-85401101", null, false).maskedPhone()).isEqualTo("025*****1101");
	}

}

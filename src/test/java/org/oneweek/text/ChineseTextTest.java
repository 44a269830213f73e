package org.oneweek.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseTextTest {

	final ChineseText text = new ChineseText();

	@Test
	void segmentsChineseIntoWords() {
		assertThat(text.words("垃圾清运不及时")).contains("垃圾");
		assertThat(text.words("进城的道路坑洼积水")).contains("道路");
	}

	@Test
	void indexesWordsAndSingleCharacters() {
		String terms = text.indexTerms("老石桥栏杆松动");
		assertThat(terms.split(" ")).contains("桥", "栏", "杆");
	}

	@Test
	void englishIsLowerCasedAndStemmed() {
		assertThat(text.words("Garbage bins OVERFLOWING")).contains("garbag", "bin", "overflow");
	}

	@Test
	void queriesMatchTheWordOrItsCharactersSideBySide() {
		assertThat(text.query("垃圾")).isEqualTo("('垃圾' | ('垃' <-> '圾'))");
		assertThat(text.query("桥")).isEqualTo("'桥'");
		assertThat(text.query("  ，。 ")).isNull();
		assertThat(text.query("it's")).doesNotContain("it's'");
	}

}

package org.oneweek.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

	@Test
	void aChineseMobileIsStoredAsItsElevenDigitsHoweverItWasTyped() {
		assertThat(PhoneNumbers.normalised("13812345678")).contains("13812345678");
		assertThat(PhoneNumbers.normalised(" 138 1234 5678 ")).contains("13812345678");
		assertThat(PhoneNumbers.normalised("+86 138-1234-5678")).contains("13812345678");
		assertThat(PhoneNumbers.normalised("008613812345678")).contains("13812345678");
		assertThat(PhoneNumbers.normalised("１３８１２３４５６７８")).contains("13812345678");
	}

	@Test
	void aFixedLineNeedsItsAreaCodeAndIsStoredWithAHyphenAfterIt() {
		assertThat(PhoneNumbers.normalised("0571-88886666")).contains("0571-88886666");
		assertThat(PhoneNumbers.normalised("(0571) 8888 6666")).contains("0571-88886666");
		assertThat(PhoneNumbers.normalised("025-8540 1101")).contains("025-85401101");
		assertThat(PhoneNumbers.normalised("+86 25 8540 1101")).contains("025-85401101");
		assertThat(PhoneNumbers.normalised("400-810-8888")).contains("4008108888");
		assertThat(PhoneNumbers.normalised("+852 9123 4567")).contains("+85291234567");
	}

	@Test
	void sevenDigitsLettersAndGarbageAreRefused() {
		assertThat(PhoneNumbers.normalised("1234567")).isEmpty();
		assertThat(PhoneNumbers.normalised("8888666")).isEmpty();
		assertThat(PhoneNumbers.normalised("88886666")).isEmpty();
		assertThat(PhoneNumbers.normalised("12345")).isEmpty();
		assertThat(PhoneNumbers.normalised("1381234567")).isEmpty();
		assertThat(PhoneNumbers.normalised("call me")).isEmpty();
		assertThat(PhoneNumbers.normalised("138-CALL-ME00")).isEmpty();
		assertThat(PhoneNumbers.normalised("1".repeat(40))).isEmpty();
		assertThat(PhoneNumbers.normalised("")).isEmpty();
		assertThat(PhoneNumbers.normalised(null)).isEmpty();
	}

	@Test
	void numbersAreComparedByTheirDigitsSoThatRowsTypedBeforeTheCheckStillMatch() {
		assertThat(PhoneNumbers.key("139 2500 1013")).isEqualTo(PhoneNumbers.key("13925001013"))
			.isEqualTo(PhoneNumbers.key("+86 13925001013"))
			.isEqualTo("13925001013");
		assertThat(PhoneNumbers.key("025-8540 1101")).isEqualTo(PhoneNumbers.key("+86 25 85401101"))
			.isEqualTo("2585401101");
		// a row no check would pass today is still compared by its digits
		assertThat(PhoneNumbers.key("12-34 567")).isEqualTo("1234567");
	}

	@Test
	void onlyAChineseMobileTakesATextMessage() {
		assertThat(PhoneNumbers.chineseMobile("+86 139 2500 1013")).contains("13925001013");
		assertThat(PhoneNumbers.chineseMobile("025-85401101")).isEmpty();
		assertThat(PhoneNumbers.chineseMobile("+852 9123 4567")).isEmpty();
		assertThat(PhoneNumbers.chineseMobile("1234567")).isEmpty();
	}

	@Test
	void aCommandRefusesANumberWithTheKeyThePagesShow() {
		CommandChecks check = new CommandChecks((key) -> new KeyedException(key));
		assertThat(check.phone("0571 8888 6666")).isEqualTo("0571-88886666");
		assertThat(check.phone(null)).isNull();
		assertThat(check.phone(" ")).isEqualTo(" ");
		assertThatThrownBy(() -> check.phone("1234567")).hasMessage("validation.phone");
	}

}

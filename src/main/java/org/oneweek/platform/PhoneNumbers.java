package org.oneweek.platform;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers as every module checks, stores and compares them, by Google's
 * libphonenumber and its numbering plans rather than a pattern of digits: a number
 * without a country code is read as Chinese, so a mobile is its 11 digits and a fixed
 * line needs its area code (a 7- or 8-digit local number is refused, as it reaches nobody
 * from outside the city).
 * <p>
 * The stored form is the one people write: a Chinese mobile as its 11 digits
 * ({@code 13812345678}), a fixed line as trunk prefix, area code, hyphen and number
 * ({@code 0571-88886666}), another Chinese number as its national digits
 * ({@code 4008108888}), a number abroad in E.164 ({@code +85291234567}). Rows saved
 * before this check keep what was typed; {@link #key} and {@link #SQL_KEY} compare both
 * alike.
 */
public final class PhoneNumbers {

	/** Numbers without a country code are Chinese. */
	public static final String REGION = "CN";

	/**
	 * The SQL of {@link #key} for a column named {@code phone}: digits only, without
	 * {@code +86}/{@code 0086} and without the trunk prefix 0, so that a row typed as
	 * {@code 025-8540 1101} meets the stored {@code 025-85401101}.
	 */
	public static final String SQL_KEY = "regexp_replace(regexp_replace(regexp_replace(phone, '[^0-9+]', '', 'g'),"
			+ " '^(\\+|00)86', ''), '^0', '')";

	/** The longest text worth parsing: the longest stored column holds 20. */
	private static final int LONGEST = 30;

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * The number in its stored form, or empty when the text is not a phone number that
	 * can be called (too short, too long, letters, an unassigned range).
	 */
	public static Optional<String> normalised(@Nullable String typed) {
		return parse(typed).map(PhoneNumbers::stored);
	}

	/** Whether the text is a phone number that can be called. */
	public static boolean isValid(@Nullable String typed) {
		return parse(typed).isPresent();
	}

	/**
	 * The number in the form an SMS gateway in China takes (the 11 digits of a Chinese
	 * mobile), or empty when the text is not a Chinese mobile number: a fixed line cannot
	 * receive a text message.
	 */
	public static Optional<String> chineseMobile(@Nullable String typed) {
		return parse(typed).filter((n) -> n.getCountryCode() == 86)
			.filter((n) -> UTIL.getNumberType(n) == PhoneNumberType.MOBILE)
			.map(UTIL::getNationalSignificantNumber);
	}

	/**
	 * What two numbers are compared by (duplicates, search): for a Chinese number its
	 * national significant digits, for one abroad its country code and digits, for a text
	 * that is no number (a row saved before the check) its digits as {@link #SQL_KEY}
	 * takes them.
	 */
	public static String key(String phone) {
		return parse(phone)
			.map((n) -> (n.getCountryCode() == 86) ? UTIL.getNationalSignificantNumber(n)
					: UTIL.format(n, PhoneNumberFormat.E164).substring(1))
			.orElseGet(() -> phone.replaceAll("[^0-9+]", "").replaceFirst("^(\\+|00)86", "").replaceFirst("^0", ""));
	}

	private static Optional<PhoneNumber> parse(@Nullable String typed) {
		if (typed == null || typed.isBlank() || typed.length() > LONGEST) {
			return Optional.empty();
		}
		// letters are refused, not read as the keypad's digits (1-800-FLOWERS)
		if (!typed.strip().matches("[0-9+\\-() .\u3000\uff08\uff09\uff0b\uff0d\uff10-\uff19]+")) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = UTIL.parse(typed, REGION);
			return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	private static String stored(PhoneNumber number) {
		if (number.getCountryCode() != 86) {
			return UTIL.format(number, PhoneNumberFormat.E164);
		}
		String national = UTIL.getNationalSignificantNumber(number);
		int areaCode = UTIL.getLengthOfGeographicalAreaCode(number);
		if (areaCode > 0) {
			return "0" + national.substring(0, areaCode) + "-" + national.substring(areaCode);
		}
		return national;
	}

}

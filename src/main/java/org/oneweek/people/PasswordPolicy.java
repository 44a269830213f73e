package org.oneweek.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a password must be (NIST SP 800-63B): at least 8 and at most 128 characters (a
 * pass phrase in Chinese is welcome), and not one that guessers try first: not on the
 * list of common passwords shipped with oneweek ({@value #COMMON_PASSWORDS}), not one
 * character repeated or a short pattern over again ({@code aaaaaaaa}, {@code 12121212}),
 * not a run of consecutive characters ({@code 12345678}, {@code abcdefgh}), not the user
 * name or the program's own name with a few digits or signs added. No rules of
 * composition (a capital, a digit): they make passwords harder to remember, not to guess.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	/**
	 * The list of common passwords, one a line, lower case; lines starting with # aside.
	 */
	static final String COMMON_PASSWORDS = "people/common-passwords.txt";

	/** Words of this service that guessers try with it. */
	private static final Set<String> CONTEXT = Set.of("oneweek", "yizhoushuji", "yizhou", "shuji", "一周书记", "民情日记",
			"admin", "administrator", "secretary", "troubleshooter", "committee");

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	/** The message key of what is wrong, or null when the password is acceptable. */
	public static @Nullable String problem(@Nullable String password, @Nullable String username) {
		if (password == null || password.isEmpty()) {
			return "password.required";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return "password.tooShort";
		}
		if (length > MAX_LENGTH) {
			return "password.tooLong";
		}
		if (password.isBlank()) {
			return "password.blank";
		}
		if (username != null && password.equalsIgnoreCase(username)) {
			return "password.sameAsUsername";
		}
		String folded = password.strip().toLowerCase(Locale.ROOT);
		if (COMMON.contains(folded) || repetitive(folded) || sequential(folded)) {
			return "people.password.common";
		}
		String stem = folded.replaceAll("[\\d\\p{Punct}\\s]+$", "").replaceAll("^[\\d\\p{Punct}\\s]+", "");
		if (CONTEXT.contains(stem) || (username != null && stem.equals(username.strip().toLowerCase(Locale.ROOT)))) {
			return "people.password.common";
		}
		return null;
	}

	/** Whether the password is on the shipped list of common passwords. */
	public static boolean isCommon(String password) {
		return COMMON.contains(password.strip().toLowerCase(Locale.ROOT));
	}

	/** How many common passwords the shipped list holds. */
	public static int commonCount() {
		return COMMON.size();
	}

	/**
	 * One piece of up to three characters, over and over: aaaaaaaa, 12121212, abcabcabc.
	 */
	static boolean repetitive(String text) {
		int[] cps = text.codePoints().toArray();
		for (int period = 1; period <= 3 && period < cps.length; period++) {
			boolean repeats = true;
			for (int i = period; i < cps.length && repeats; i++) {
				repeats = cps[i] == cps[i - period];
			}
			if (repeats) {
				return true;
			}
		}
		return false;
	}

	/** Consecutive characters up or down: 12345678, abcdefgh, 98765432. */
	static boolean sequential(String text) {
		int[] cps = text.codePoints().toArray();
		int step = cps[1] - cps[0];
		if (step != 1 && step != -1) {
			return false;
		}
		for (int i = 2; i < cps.length; i++) {
			if (cps[i] - cps[i - 1] != step) {
				return false;
			}
		}
		return true;
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>(16_384);
		try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
			if (in == null) {
				throw new IllegalStateException("the list of common passwords is missing: " + COMMON_PASSWORDS);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(line.strip());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}

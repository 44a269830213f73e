package org.oneweek.platform.web;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NUL check of {@link InputFilter} over any text: a NUL is found wherever it is, as a
 * raw byte or a JSON escape, and nothing else is taken for one.
 */
class InputFilterPropertiesTest {

	@Property(tries = 300)
	void aNulAnywhereInATextIsFound(@ForAll("texts") String before, @ForAll("texts") String after) {
		assertThat(InputFilter.hasNul(before + "\u0000" + after)).isTrue();
		assertThat(InputFilter.hasNul((before + "\u0000" + after).getBytes(StandardCharsets.UTF_8), false)).isTrue();
	}

	@Property(tries = 300)
	void aJsonStringWithoutNulIsNotRefused(@ForAll("texts") String text) {
		String json = "{\"text\":\"" + escape(text.replace("\u0000", "")) + "\"}";
		assertThat(InputFilter.hasNul(json.getBytes(StandardCharsets.UTF_8), true)).isFalse();
	}

	@Property(tries = 300)
	void anEscapedNulInJsonIsFound(@ForAll("texts") String text) {
		String json = "{\"text\":\"" + escape(text) + "\\u0000\"}";
		assertThat(InputFilter.hasNul(json.getBytes(StandardCharsets.UTF_8), true)).isTrue();
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.strings().withChars("\\u0\"\u202E😀中").ofMaxLength(20));
	}

	/** As a JSON writer escapes a string. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}

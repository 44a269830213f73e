package org.oneweek.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese is the default and English is complete: both bundles have the same keys, and
 * every key the templates and the code name exists.
 */
class MessagesTest {

	static final Path BUNDLES = Path.of("src/main/resources/i18n");

	static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*[\\w])[}(]");

	static final Pattern CODE_KEY = Pattern.compile(
			"\"\\{?((?:validation|import|places|people|password|roster|setup|login|common|members|accounts|home|error|case|diary|bulletin)\\.[a-zA-Z][\\w.]*[\\w])\\}?\"");

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> chinese = keys("messages.properties");
		Set<String> english = keys("messages_en.properties");
		assertThat(new TreeSet<>(english)).as("keys missing in English")
			.containsAll(chinese)
			.as("keys only in English")
			.hasSameElementsAs(chinese);
	}

	@Test
	void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
		Set<String> known = keys("messages.properties");
		Set<String> used = new TreeSet<>();
		collect(Path.of("src/main/resources/templates"), ".html", TEMPLATE_KEY, used);
		collect(Path.of("src/main/java"), ".java", CODE_KEY, used);
		assertThat(used).isNotEmpty();
		assertThat(known).as("message keys").containsAll(used);
	}

	@Test
	void noEnglishTextIsLeftInChinese() throws IOException {
		Properties english = load("messages_en.properties");
		for (String key : english.stringPropertyNames()) {
			String value = english.getProperty(key);
			long han = value.codePoints()
				.filter((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
				.count();
			long latin = value.codePoints().filter((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')).count();
			// Chinese may appear in English texts as names of things people type (男/女, 区,
			// 紧急)
			if (han > 0) {
				assertThat(latin).as("%s = %s", key, value).isGreaterThan(han);
			}
		}
	}

	private static void collect(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(suffix)).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					into.add(matcher.group(1));
				}
			}
		}
	}

	private static Set<String> keys(String file) throws IOException {
		return new TreeSet<>(load(file).stringPropertyNames());
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

package org.oneweek.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		for (Path folder : bundles()) {
			Set<String> chinese = keys(folder.resolve("messages.properties"));
			Set<String> english = keys(folder.resolve("messages_en.properties"));
			assertThat(new TreeSet<>(english)).as("keys missing in English in %s", folder)
				.containsAll(chinese)
				.as("keys only in English in %s", folder)
				.hasSameElementsAs(chinese);
		}
	}

	@Test
	void noKeyIsInTwoBundles() throws IOException {
		Set<String> seen = new TreeSet<>();
		for (Path folder : bundles()) {
			for (String key : keys(folder.resolve("messages.properties"))) {
				assertThat(seen.add(key)).as("%s is defined again in %s", key, folder).isTrue();
			}
		}
	}

	@Test
	void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
		Set<String> known = allKeys();
		Set<String> prefixes = new TreeSet<>();
		known.forEach((key) -> prefixes
			.add(Pattern.quote(key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')))));
		Pattern codeKey = Pattern
			.compile("\"\\{?((?:" + String.join("|", prefixes) + ")\\.[a-zA-Z][\\w.]*[\\w])\\}?\"");
		Set<String> used = new TreeSet<>();
		collect(Path.of("src/main/resources/templates"), ".html", TEMPLATE_KEY, used);
		collect(Path.of("src/main/java"), ".java", codeKey, used);
		assertThat(used).isNotEmpty();
		assertThat(known).as("message keys").containsAll(used);
	}

	@Test
	void noEnglishTextIsLeftInChinese() throws IOException {
		Properties english = new Properties();
		for (Path folder : bundles()) {
			english.putAll(load(folder.resolve("messages_en.properties")));
		}
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

	/** The shared bundle's folder and every module's ({@code i18n/<module>/}). */
	static List<Path> bundles() throws IOException {
		List<Path> folders = new ArrayList<>();
		folders.add(BUNDLES);
		try (Stream<Path> entries = Files.list(BUNDLES)) {
			entries.filter((entry) -> Files.isRegularFile(entry.resolve("messages.properties")))
				.sorted()
				.forEach(folders::add);
		}
		return folders;
	}

	static Set<String> allKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path folder : bundles()) {
			keys.addAll(keys(folder.resolve("messages.properties")));
		}
		return keys;
	}

	private static Set<String> keys(Path file) throws IOException {
		return new TreeSet<>(load(file).stringPropertyNames());
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

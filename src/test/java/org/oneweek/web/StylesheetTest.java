package org.oneweek.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The style sheets are appended to by every module; one missing brace puts everything
 * after it inside the block before (once, a print-only block swallowed the diary's styles
 * on screen).
 */
class StylesheetTest {

	@Test
	void everyBlockOfEveryStylesheetIsClosed() throws IOException {
		Resource[] sheets = new PathMatchingResourcePatternResolver().getResources("classpath:static/css/*.css");
		assertThat(sheets).isNotEmpty();
		for (Resource sheet : sheets) {
			String css = sheet.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
			int depth = 0;
			int line = 1;
			boolean quoted = false;
			char quote = 0;
			for (char c : css.toCharArray()) {
				if (c == '\n') {
					line++;
				}
				if (quoted) {
					quoted = c != quote;
					continue;
				}
				if (c == '"' || c == '\'') {
					quoted = true;
					quote = c;
				}
				else if (c == '{') {
					depth++;
				}
				else if (c == '}') {
					depth--;
					assertThat(depth).as("%s: a '}' without its '{' on line %d", sheet.getFilename(), line)
						.isGreaterThanOrEqualTo(0);
				}
				// a rule set opens at the top level or in one at-rule, never deeper here
				assertThat(depth).as("%s: a block opened and not closed before line %d", sheet.getFilename(), line)
					.isLessThanOrEqualTo(2);
			}
			assertThat(depth).as("%s: blocks left open at the end", sheet.getFilename()).isZero();
		}
	}

}

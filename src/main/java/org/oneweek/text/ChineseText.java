package org.oneweek.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jspecify.annotations.Nullable;
import org.oneweek.platform.Caches;
import org.oneweek.platform.ReadCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns Chinese (and English) text into search terms and queries for PostgreSQL full text
 * search with the {@code simple} configuration.
 * <p>
 * A document is indexed twice over: as the words smartcn finds (垃圾 / 清运 / 不 / 及时) and as
 * the sequence of its single Chinese characters. A query word matches either the same
 * word or its characters side by side, so a search for 桥 finds 老石桥 even where smartcn
 * took 石桥 as one word, and 清运 is found however the document was segmented. English words
 * are lower-cased and stemmed (garbage and garbages match).
 */
@Component
public class ChineseText {

	/** More text than any field holds; longer input is cut rather than refused. */
	private static final int MAX_CHARS = 20_000;

	private static final int MAX_QUERY_WORDS = 12;

	// thread-safe: Lucene analyzers reuse per-thread token streams
	private final Analyzer analyzer = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

	/**
	 * Short texts seen again and again (category names, village names, common titles) are
	 * segmented once: segmentation is the costliest step of an intake after the database.
	 */
	private static final int MEMO_MAX_CHARS = 24;

	/** Bounded: {@code oneweek.cache.specs.text-words}, least recently used first out. */
	private final ReadCache<String, List<String>> memo;

	@Autowired
	ChineseText(Caches caches) {
		this.memo = caches.readCache("text-words");
	}

	/** With a memo of its own (tests, tools without Spring). */
	public ChineseText() {
		this.memo = new ReadCache<>(Duration.ofDays(1));
	}

	/** The words smartcn finds, in order, without punctuation. */
	public List<String> words(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		if (text.length() <= MEMO_MAX_CHARS) {
			return this.memo.get(text, (t) -> List.copyOf(segment(t)));
		}
		return segment(text);
	}

	private List<String> segment(String text) {
		String input = (text.length() > MAX_CHARS) ? text.substring(0, MAX_CHARS) : text;
		List<String> words = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", input)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String word = term.toString();
				if (!word.isBlank() && word.codePoints().anyMatch(Character::isLetterOrDigit)) {
					words.add(word);
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	/**
	 * The terms to index for the given texts, space separated, for
	 * {@code to_tsvector('simple', ?)}: each text's words, then its Chinese characters in
	 * order (so that adjacent characters can be matched as a phrase). Runs of characters
	 * are separated by the words around them, so a phrase rarely spans two runs; when it
	 * does, a search finds one document too many, never one too few.
	 */
	public String indexTerms(@Nullable String... texts) {
		StringJoiner terms = new StringJoiner(" ");
		for (String text : texts) {
			if (text == null || text.isBlank()) {
				continue;
			}
			words(text).forEach(terms::add);
			StringBuilder run = new StringBuilder();
			text.codePoints().limit(MAX_CHARS).forEach((cp) -> {
				if (isHan(cp)) {
					if (!run.isEmpty()) {
						run.append(' ');
					}
					run.appendCodePoint(cp);
				}
				else if (!run.isEmpty()) {
					terms.add(run.toString());
					run.setLength(0);
				}
			});
			if (!run.isEmpty()) {
				terms.add(run.toString());
			}
		}
		return terms.toString();
	}

	/**
	 * A {@code to_tsquery('simple', ?)} expression that matches documents containing
	 * every word of the query, or null when the query has no word at all.
	 */
	public @Nullable String query(@Nullable String text) {
		Set<String> words = new LinkedHashSet<>(words(text));
		if (words.isEmpty()) {
			return null;
		}
		StringJoiner all = new StringJoiner(" & ");
		words.stream().limit(MAX_QUERY_WORDS).forEach((word) -> {
			List<String> chars = word.codePoints().mapToObj(Character::toString).toList();
			if (chars.size() > 1 && word.codePoints().allMatch(ChineseText::isHan)) {
				StringJoiner phrase = new StringJoiner(" <-> ");
				chars.forEach((c) -> phrase.add(quote(c)));
				all.add("(" + quote(word) + " | (" + phrase + "))");
			}
			else {
				all.add(quote(word));
			}
		});
		return all.toString();
	}

	static boolean isHan(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	private static String quote(String lexeme) {
		return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
	}

}

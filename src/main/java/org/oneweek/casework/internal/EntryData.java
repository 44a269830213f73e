package org.oneweek.casework.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * What a timeline entry's {@code data} holds for the changes that carry more than a word
 * or two: the names of these keys are read back by the pages, the API and the exports.
 */
final class EntryData {

	private EntryData() {
	}

	static Map<String, Object> assigned(Case.Assignee to, @Nullable String why) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("assigneeKind", to.kind().name());
		if (to.memberId() != null) {
			data.put("memberId", to.memberId().value());
		}
		if (to.unitId() != null) {
			data.put("unitId", String.valueOf(to.unitId().value()));
		}
		data.put("name", to.name());
		if (why != null) {
			data.put("why", why);
		}
		return data;
	}

	/**
	 * @param troubleshooterId the troubleshooter told at level 1 (level 2 goes to the
	 * department)
	 */
	static Map<String, Object> escalated(String deadline, int level, Instant due, @Nullable Long troubleshooterId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("deadline", deadline);
		data.put("level", level);
		data.put("due", due.toString());
		if (level > 1) {
			data.put("to", "ORG_ADMIN");
		}
		else if (troubleshooterId != null) {
			data.put("memberId", troubleshooterId);
		}
		return data;
	}

	static Map<String, Object> money(@Nullable BigDecimal amount, @Nullable String source, @Nullable String approvedBy,
			@Nullable String note) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("amount", Objects.requireNonNull(amount).toPlainString());
		putIfPresent(data, "source", source);
		putIfPresent(data, "approvedBy", approvedBy);
		putIfPresent(data, "note", note);
		return data;
	}

	private static void putIfPresent(Map<String, Object> data, String key, @Nullable String value) {
		String v = blankToNull(value);
		if (v != null) {
			data.put(key, v);
		}
	}

}

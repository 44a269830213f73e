package org.oneweek.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Urgency;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.imports.Column;
import org.oneweek.platform.imports.ImportKind;
import org.oneweek.platform.imports.ImportRejectedException;
import org.oneweek.platform.imports.Row;
import org.oneweek.platform.imports.RowError;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The village committee's list of problems for the week (村干部排查), pasted from the
 * spreadsheet the clerk already keeps: each row becomes a case of the committee's
 * village, source "officials' list".
 */
@Component
class OfficialsListImport implements ImportKind {

	private static final List<Column> COLUMNS = List.of(
			Column.required("title", "问题", "问题描述", "排查问题", "problem", "title"),
			Column.optional("category", "类别", "问题类别", "category"), Column.optional("type", "类型", "type"),
			Column.optional("urgency", "紧急程度", "urgency"),
			Column.optional("description", "情况说明", "说明", "description", "details"),
			Column.optional("location", "地点", "位置", "location"));

	private final CaseIntake intake;

	private final Cases cases;

	private final UserDetailsService users;

	private final Clock clock;

	OfficialsListImport(CaseIntake intake, Cases cases, UserDetailsService users, Clock clock) {
		this.intake = intake;
		this.cases = cases;
		this.users = users;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "officials-list";
	}

	@Override
	public String requiredRole() {
		return "COMMITTEE";
	}

	@Override
	public String doneUrl() {
		return "/cases/mine";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<RowError> validate(List<Row> rows) {
		List<CaseCategory> categories = cases.categories();
		List<RowError> errors = new ArrayList<>();
		for (Row row : rows) {
			String title = row.get("title");
			if (title == null) {
				errors.add(RowError.of(row.line(), "title", "import.error.required"));
			}
			else if (title.length() > 100) {
				errors.add(RowError.of(row.line(), "title", "import.error.tooLong", 100));
			}
			String category = row.get("category");
			if (category != null && category(category, categories) == null) {
				errors.add(RowError.of(row.line(), "category", "case.import.badCategory", category));
			}
			String type = row.get("type");
			if (type != null && type(type) == null) {
				errors.add(RowError.of(row.line(), "type", "case.import.badType", type));
			}
			String urgency = row.get("urgency");
			if (urgency != null && urgency(urgency) == null) {
				errors.add(RowError.of(row.line(), "urgency", "case.import.badUrgency", urgency));
			}
			for (String key : List.of("description", "location")) {
				String value = row.get(key);
				int max = "location".equals(key) ? 200 : 2000;
				if (value != null && value.length() > max) {
					errors.add(RowError.of(row.line(), key, "import.error.tooLong", max));
				}
			}
		}
		return errors;
	}

	/**
	 * The village's open cases that look like the row ("is it one of these?", the
	 * reconciliation's fragment, by URL: the ledger does not call the reconciliation), so
	 * the clerk leaves out a row the village has already.
	 */
	@Override
	public @Nullable String rowNoteUrl(Row row) {
		String title = row.get("title");
		if (title == null || title.length() > 100) {
			return null;
		}
		String description = row.get("description");
		String category = (row.get("category") != null) ? category(row.get("category"), cases.categories()) : null;
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/reconciliation/similar")
			.queryParam("title", title)
			.queryParam("slot", "similar-row-" + row.line());
		if (description != null && description.length() <= 2000) {
			url.queryParam("description", description);
		}
		if (category != null) {
			url.queryParam("category", category);
		}
		return url.encode().build().toUriString();
	}

	@Override
	public int apply(List<Row> rows, String actor) {
		AccountPrincipal me = (AccountPrincipal) users.loadUserByUsername(actor);
		if (me.villageId() == null) {
			throw new ImportRejectedException("case.import.noVillage");
		}
		List<CaseCategory> categories = cases.categories();
		Instant now = clock.instant();
		for (Row row : rows) {
			String category = (row.get("category") != null) ? category(row.get("category"), categories) : "OTHER";
			RecordCase command = new RecordCase(me.villageId(), CaseSource.OFFICIALS_LIST,
					(row.get("type") != null) ? type(row.get("type")) : CaseType.HELP, category,
					(row.get("urgency") != null) ? urgency(row.get("urgency")) : Urgency.NORMAL, row.get("title"),
					row.get("description"), row.get("location"), null, null, null, null);
			intake.record(command, me, now);
		}
		return rows.size();
	}

	static @Nullable String category(String text, List<CaseCategory> categories) {
		String t = text.strip();
		return categories.stream()
			.filter(CaseCategory::active)
			.filter((c) -> c.code().equalsIgnoreCase(t) || c.nameZh().equals(t) || c.nameEn().equalsIgnoreCase(t))
			.map(CaseCategory::code)
			.findFirst()
			.orElse(null);
	}

	static @Nullable CaseType type(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "咨询", "inquiry" -> CaseType.INQUIRY;
			case "求助", "help" -> CaseType.HELP;
			case "投诉", "complaint" -> CaseType.COMPLAINT;
			case "举报", "report" -> CaseType.REPORT;
			case "建议", "suggestion" -> CaseType.SUGGESTION;
			default -> null;
		};
	}

	static @Nullable Urgency urgency(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "一般", "普通", "normal" -> Urgency.NORMAL;
			case "紧急", "urgent" -> Urgency.URGENT;
			case "特急", "emergency" -> Urgency.EMERGENCY;
			default -> null;
		};
	}

}

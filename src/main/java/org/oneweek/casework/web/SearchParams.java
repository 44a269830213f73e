package org.oneweek.casework.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.CaseSearch;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Urgency;
import org.oneweek.people.UnitId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.TermId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inquiry form as it comes from the address bar; a value that does not convert is
 * ignored rather than refused, so a mistyped link still shows the ledger.
 */
public class SearchParams {

	@Parameter(description = "Words (Chinese or English) or a reference number")
	private @Nullable String q;

	@Parameter(description = "The village's id")
	private @Nullable Long village;

	@Parameter(description = "The township's or street's id")
	private @Nullable Long township;

	@Parameter(description = "The term's id (a village's week)")
	private @Nullable Long term;

	@Parameter(description = "The case's state")
	private @Nullable CaseState state;

	@Parameter(description = "The category's code")
	private @Nullable String category;

	@Parameter(description = "The case's type")
	private @Nullable CaseType type;

	@Parameter(description = "The urgency")
	private @Nullable Urgency urgency;

	@Parameter(description = "Who it is assigned to")
	private @Nullable AssigneeKind assignee;

	@Parameter(description = "The unit's id (a district department)")
	private @Nullable Long unit;

	@Parameter(description = "Only cases past a deadline")
	private boolean overdue;

	@Parameter(description = "Only cases not yet resolved, closed, merged or declined")
	private boolean open;

	@Parameter(description = "Received on or after this day (YYYY-MM-DD)")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@Parameter(description = "Received on or before this day (YYYY-MM-DD)")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	@Parameter(description = "The page, from 0")
	private int page;

	public CaseSearch toSearch() {
		return new CaseSearch(q, null, Ids.nullable(village, VillageId::of), Ids.nullable(township, TownshipId::of),
				Ids.nullable(term, TermId::of), state, category, type, urgency, assignee, null,
				Ids.nullable(unit, UnitId::of), overdue, open, from, to, false);
	}

	/** The query string of these parameters, for export links and paging. */
	public String query(int targetPage) {
		UriComponentsBuilder b = UriComponentsBuilder.newInstance();
		add(b, "q", q);
		add(b, "township", township);
		add(b, "village", village);
		add(b, "term", term);
		add(b, "state", state);
		add(b, "category", category);
		add(b, "type", type);
		add(b, "urgency", urgency);
		add(b, "assignee", assignee);
		add(b, "unit", unit);
		if (overdue) {
			b.queryParam("overdue", "true");
		}
		if (open) {
			b.queryParam("open", "true");
		}
		add(b, "from", from);
		add(b, "to", to);
		if (targetPage > 0) {
			b.queryParam("page", targetPage);
		}
		String query = b.encode().build().getQuery();
		return (query != null) ? query : "";
	}

	private static void add(UriComponentsBuilder b, String name, @Nullable Object value) {
		if (value != null && !value.toString().isBlank()) {
			b.queryParam(name, value);
		}
	}

	public @Nullable String getQ() {
		return q;
	}

	public void setQ(@Nullable String q) {
		this.q = (q != null && q.length() > 200) ? q.substring(0, 200) : q;
	}

	public @Nullable Long getVillage() {
		return village;
	}

	public void setVillage(@Nullable Long village) {
		this.village = village;
	}

	public @Nullable Long getTownship() {
		return township;
	}

	public void setTownship(@Nullable Long township) {
		this.township = township;
	}

	public @Nullable Long getTerm() {
		return term;
	}

	public void setTerm(@Nullable Long term) {
		this.term = term;
	}

	public @Nullable CaseState getState() {
		return state;
	}

	public void setState(@Nullable CaseState state) {
		this.state = state;
	}

	public @Nullable String getCategory() {
		return category;
	}

	public void setCategory(@Nullable String category) {
		this.category = category;
	}

	public @Nullable CaseType getType() {
		return type;
	}

	public void setType(@Nullable CaseType type) {
		this.type = type;
	}

	public @Nullable Urgency getUrgency() {
		return urgency;
	}

	public void setUrgency(@Nullable Urgency urgency) {
		this.urgency = urgency;
	}

	public @Nullable AssigneeKind getAssignee() {
		return assignee;
	}

	public void setAssignee(@Nullable AssigneeKind assignee) {
		this.assignee = assignee;
	}

	public @Nullable Long getUnit() {
		return unit;
	}

	public void setUnit(@Nullable Long unit) {
		this.unit = unit;
	}

	public boolean isOverdue() {
		return overdue;
	}

	public void setOverdue(boolean overdue) {
		this.overdue = overdue;
	}

	public boolean isOpen() {
		return open;
	}

	public void setOpen(boolean open) {
		this.open = open;
	}

	public @Nullable LocalDate getFrom() {
		return from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable LocalDate getTo() {
		return to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = Math.max(0, Math.min(page, 100_000));
	}

}

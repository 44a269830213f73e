package org.oneweek.insights.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseType;
import org.oneweek.insights.MetricFilter;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;
import org.oneweek.places.DistrictId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.TermId;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filter as query parameters, shared by the pages and the API: ids as numbers, dates
 * as ISO days ({@code 2026-03-01}); made a {@link MetricFilter} at once.
 */
public class FilterParams {

	@Parameter(description = "The district's id")
	private @Nullable Long district;

	@Parameter(description = "The street's or town's id")
	private @Nullable Long township;

	@Parameter(description = "The village's id")
	private @Nullable Long village;

	@Parameter(description = "The category's code")
	private @Nullable String category;

	@Parameter(description = "The case's type")
	private @Nullable CaseType type;

	@Parameter(description = "The unit's id (a district department)")
	private @Nullable Long unit;

	@Parameter(description = "The member's id (cases of the terms they served)")
	private @Nullable Long member;

	@Parameter(description = "The term's id (a village's week)")
	private @Nullable Long term;

	@Parameter(description = "Received on or after this day (YYYY-MM-DD)")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@Parameter(description = "Received on or before this day (YYYY-MM-DD)")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	/** The filter; an id that cannot be anybody's is not found (404). */
	public MetricFilter toFilter() {
		return new MetricFilter(id(district, DistrictId::of), id(township, TownshipId::of), id(village, VillageId::of),
				category, type, id(unit, UnitId::of), id(member, MemberId::of), id(term, TermId::of), from, to);
	}

	private static <T extends org.oneweek.platform.Identifier> @Nullable T id(@Nullable Long value,
			java.util.function.LongFunction<T> of) {
		return Ids.nullable(value, of);
	}

	/** The parameters set, to carry into links (a drill-down, an export). */
	public Map<String, Object> query() {
		Map<String, Object> q = new LinkedHashMap<>();
		put(q, "district", district);
		put(q, "township", township);
		put(q, "village", village);
		put(q, "category", (category == null || category.isBlank()) ? null : category);
		put(q, "type", type);
		put(q, "unit", unit);
		put(q, "member", member);
		put(q, "term", term);
		put(q, "from", from);
		put(q, "to", to);
		return q;
	}

	private static void put(Map<String, Object> q, String name, @Nullable Object value) {
		if (value != null) {
			q.put(name, value);
		}
	}

	public @Nullable Long getDistrict() {
		return district;
	}

	public void setDistrict(@Nullable Long district) {
		this.district = district;
	}

	public @Nullable Long getTownship() {
		return township;
	}

	public void setTownship(@Nullable Long township) {
		this.township = township;
	}

	public @Nullable Long getVillage() {
		return village;
	}

	public void setVillage(@Nullable Long village) {
		this.village = village;
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

	public @Nullable Long getUnit() {
		return unit;
	}

	public void setUnit(@Nullable Long unit) {
		this.unit = unit;
	}

	public @Nullable Long getMember() {
		return member;
	}

	public void setMember(@Nullable Long member) {
		this.member = member;
	}

	public @Nullable Long getTerm() {
		return term;
	}

	public void setTerm(@Nullable Long term) {
		this.term = term;
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

}

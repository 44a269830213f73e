package org.oneweek.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.DeadlineRule.Span;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.Caches;
import org.oneweek.platform.ReadCache;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline rules (editable by the organization department) and the working-day
 * calendar (weekends, public holidays and the weekend days worked in exchange).
 */
@Service
public class Deadlines {

	private static final RowMapper<DeadlineRule> RULE = (rs, n) -> new DeadlineRule(
			CaseType.valueOf(rs.getString("case_type")), Urgency.valueOf(rs.getString("urgency")),
			new Span(rs.getInt("first_contact_amount"), DeadlineRule.Unit.valueOf(rs.getString("first_contact_unit"))),
			new Span(rs.getInt("resolution_amount"), DeadlineRule.Unit.valueOf(rs.getString("resolution_unit"))));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Cases cases;

	private final ZoneId zone;

	Deadlines(JdbcClient jdbc, AuditLog audit, Cases cases, Clock clock, Caches caches) {
		this.jdbc = jdbc;
		this.rules = caches.readCache("casework-deadline-rules");
		this.calendar = caches.readCache("casework-working-days");
		this.audit = audit;
		this.cases = cases;
		this.zone = clock.getZone();
	}

	@Transactional(readOnly = true)
	public List<DeadlineRule> rules() {
		// by type as the 12345 convention lists them, then by severity (一般, 紧急, 特急), not
		// by the names' letters
		return jdbc.sql("select * from case_deadline_rule")
			.query(RULE)
			.list()
			.stream()
			.sorted(Comparator.comparing(DeadlineRule::type).thenComparing(DeadlineRule::urgency))
			.toList();
	}

	/** A rule, read at most every few seconds (every intake needs one). */
	@Transactional(readOnly = true)
	public DeadlineRule rule(CaseType type, Urgency urgency) {
		return java.util.Objects.requireNonNull(rules.get(Cases.ALL, (all) -> rules()))
			.stream()
			.filter((r) -> r.type() == type && r.urgency() == urgency)
			.findFirst()
			.orElseThrow();
	}

	/** {@code oneweek.cache.specs.casework-deadline-rules}. */
	private final ReadCache<String, List<DeadlineRule>> rules;

	@Transactional
	public void update(DeadlineRule rule, String actor) {
		DeadlineRule before = rule(rule.type(), rule.urgency());
		jdbc.sql("""
				update case_deadline_rule set first_contact_amount = ?, first_contact_unit = ?, resolution_amount = ?,
				resolution_unit = ?, updated_by = ?, updated_at = now() where case_type = ? and urgency = ?""")
			.params(rule.firstContact().amount(), rule.firstContact().unit().name(), rule.resolution().amount(),
					rule.resolution().unit().name(), actor, rule.type().name(), rule.urgency().name())
			.update();
		rules.changed();
		audit.record("case_deadline_rule", rule.type() + "/" + rule.urgency(), "update", actor, describe(before),
				describe(rule));
	}

	/** Adds a category, or renames and (de)activates one; codes never change. */
	@Transactional
	public void saveCategory(CaseCategory category, String actor) {
		jdbc.sql("""
				insert into case_category (code, name_zh, name_en, position, active) values (?, ?, ?, ?, ?)
				on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
				position = excluded.position, active = excluded.active""")
			.params(category.code(), category.nameZh(), category.nameEn(), category.position(), category.active())
			.update();
		cases.categoriesChanged();
		audit.record("case_category", category.code(), "save", actor, null,
				Map.of("nameZh", category.nameZh(), "nameEn", category.nameEn(), "active", category.active()));
	}

	/** Marks a day as a holiday (not working) or a worked weekend day (working). */
	@Transactional
	public void setException(LocalDate day, boolean working, @Nullable String name, String actor) {
		jdbc.sql("""
				insert into working_day_exception (day, working, name) values (?, ?, ?)
				on conflict (day) do update set working = excluded.working, name = excluded.name""")
			.params(day, working, name)
			.update();
		calendar.changed();
		audit.record("working_day", day, "set", actor, null, Map.of("working", working));
	}

	/** A day of the calendar as a notice or a file gives it. */
	public record CalendarDay(LocalDate day, boolean working, @Nullable String name) {

	}

	/**
	 * Sets many days at once, all or nothing (an import of a year's schedule), noting
	 * where they come from.
	 */
	@Transactional
	public void importDays(List<CalendarDay> days, String source, String actor) {
		for (CalendarDay d : days) {
			jdbc.sql("""
					insert into working_day_exception (day, working, name, source) values (?, ?, ?, ?)
					on conflict (day) do update set working = excluded.working, name = excluded.name,
					  source = excluded.source""").params(d.day(), d.working(), d.name(), source).update();
		}
		calendar.changed();
		audit.record("working_day", source, "import", actor, null, Map.of("days", days.size()));
	}

	/** The years the calendar has any holiday or worked weekend day for. */
	@Transactional(readOnly = true)
	public java.util.SortedSet<Integer> yearsCovered() {
		return new java.util.TreeSet<>(
				jdbc.sql("select distinct extract(year from day)::int from working_day_exception where not working")
					.query(Integer.class)
					.list());
	}

	/**
	 * In December, the next year when the calendar has no holidays for it yet (the State
	 * Council publishes them in November): deadlines would count its holidays as working
	 * days.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Integer> missingNextYear(LocalDate today) {
		int next = today.getYear() + 1;
		return (today.getMonthValue() == 12 && !yearsCovered().contains(next)) ? java.util.Optional.of(next)
				: java.util.Optional.empty();
	}

	@Transactional
	public void removeException(LocalDate day, String actor) {
		calendar.changed();
		if (jdbc.sql("delete from working_day_exception where day = ?").param(day).update() > 0) {
			audit.record("working_day", day, "remove", actor, null, null);
		}
	}

	@Transactional(readOnly = true)
	public Map<LocalDate, Boolean> exceptionsFrom(LocalDate from) {
		Map<LocalDate, Boolean> days = new HashMap<>();
		jdbc.sql("select day, working from working_day_exception where day >= ? order by day")
			.param(from)
			.query((rs) -> {
				days.put(rs.getObject("day", LocalDate.class), rs.getBoolean("working"));
			});
		return days;
	}

	/** The first-contact and resolution deadlines of a case received at {@code start}. */
	@Transactional(readOnly = true)
	public Due due(CaseType type, Urgency urgency, Instant start) {
		DeadlineRule rule = rule(type, urgency);
		boolean needsCalendar = rule.firstContact().unit() == DeadlineRule.Unit.WORKING_DAYS
				|| rule.resolution().unit() == DeadlineRule.Unit.WORKING_DAYS;
		Map<LocalDate, Boolean> exceptions = needsCalendar ? exceptionsBetween(LocalDate.ofInstant(start, zone))
				: Map.of();
		java.util.function.Predicate<LocalDate> working = (day) -> exceptions.getOrDefault(day,
				DeadlineRule.ordinaryWorkingDay(day));
		return new Due(rule.firstContact().dueFrom(start, zone, working),
				rule.resolution().dueFrom(start, zone, working));
	}

	/** The calendar's exceptions (a few dozen days), read at most every few seconds. */
	private Map<LocalDate, Boolean> exceptionsBetween(LocalDate from) {
		return java.util.Objects.requireNonNull(calendar.get(Cases.ALL, (all) -> {
			Map<LocalDate, Boolean> days = new HashMap<>();
			jdbc.sql("select day, working from working_day_exception").query((rs) -> {
				days.put(rs.getObject("day", LocalDate.class), rs.getBoolean("working"));
			});
			return Map.copyOf(days);
		}));
	}

	/** {@code oneweek.cache.specs.casework-working-days}. */
	private final ReadCache<String, Map<LocalDate, Boolean>> calendar;

	/** A pair of deadlines. */
	public record Due(Instant firstContact, Instant resolution) {

	}

	private static Map<String, Object> describe(DeadlineRule rule) {
		return Map.of("firstContact", rule.firstContact().amount() + " " + rule.firstContact().unit(), "resolution",
				rule.resolution().amount() + " " + rule.resolution().unit());
	}

}

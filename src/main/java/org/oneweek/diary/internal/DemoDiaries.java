package org.oneweek.diary.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.oneweek.diary.DiaryProperties;
import org.oneweek.diary.DiaryRules;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's past weeks have diaries, as a district that uses the program would: most
 * days written, a few missing, so that the organization department's compliance page and
 * the hand-over reports show something. Only the weeks before this one, and only terms
 * without any diary yet; this week is left for the person trying the demo.
 */
@Component
@Profile("demo")
@Order(1)
class DemoDiaries implements ApplicationRunner {

	private static final String[] DONE = { "上午召开群众晨会，逐条记下大家反映的问题，给每位反映人写了编号。", "下午和村干部一起实地察看河堤和进城道路，核对群众反映的问题。",
			"走访了几户老人，了解养老金发放和看病的情况。", "跟街道联系，请他们派人来看老石桥的护栏。", "回访了上周反映垃圾问题的群众，大家说清运比以前及时了。" };

	private static final String[] PLANS = { "明天去河堤垃圾点看清运情况。", "明天上午再开一次晨会，下午去几户困难户家里。", "明天跟街道落实道路维修的资金。",
			"明天回访反映停水的几户群众。", "整理本周的问题，写好给下一期工作组的交接。" };

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Terms terms;

	private final DiaryProperties properties;

	private final Clock clock;

	DemoDiaries(JdbcClient jdbc, TransactionTemplate transactions, Terms terms, DiaryProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.terms = terms;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult((status) -> {
			jdbc.sql("select pg_advisory_xact_lock(4243)").query().singleRow();
			boolean demo = jdbc.sql("select exists (select 1 from user_account where demo)")
				.query(Boolean.class)
				.single();
			if (!demo) {
				return;
			}
			LocalDate thisMonday = Weeks.mondayOf(LocalDate.now(clock));
			for (int week = 1; week <= 3; week++) {
				for (Term term : terms.inWeek(thisMonday.minusWeeks(week))) {
					seed(term, week);
				}
			}
		});
	}

	private void seed(Term term, int week) {
		boolean any = jdbc.sql("select exists (select 1 from diary_entry where term_id = ?)")
			.param(term.id().value())
			.query(Boolean.class)
			.single();
		if (any) {
			return;
		}
		List<Long> team = Ids.values(term.memberIds());
		long termId = term.id().value();
		for (int m = 0; m < team.size(); m++) {
			for (int d = 0; d < 7; d++) {
				LocalDate day = term.weekStart().plusDays(d);
				// about one required day in six is left missing, as happens
				if (!properties.expected(day.getDayOfWeek()) || (int) ((termId + m * 7 + d + week) % 6) == 0) {
					continue;
				}
				int pick = (int) ((termId + m + d) % DONE.length);
				Timestamp written = Timestamp
					.from(day.atTime(LocalTime.of(20, 30)).atZone(clock.getZone()).toInstant());
				jdbc.sql("""
						insert into diary_entry (member_id, day, term_id, places, households, done, plan, written,
						  created_at, updated_at, closes_at) values (?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)
						on conflict do nothing""")
					.params(team.get(m), day, termId, "村委会，村里各组", 3 + (pick * 2) % 7, DONE[pick],
							PLANS[(pick + 1) % PLANS.length], written, written,
							Timestamp.from(DiaryRules.closesAt(day, clock.getZone())))
					.update();
			}
		}
	}

}

package org.oneweek.notify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.Urgency;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.notify.internal.SmsChannel;
import org.oneweek.notify.internal.WebhookChannel;
import org.oneweek.people.AccountId;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notices through every channel, against local stub servers that stand in for Alibaba
 * Cloud SMS and a WeCom group robot: what the modules report becomes a notice for the
 * right person, goes out once with two instances at work, is retried, waits out the quiet
 * hours, and never carries a reporter's identity.
 */
@OneweekTest
class NoticeDeliveryTest {

	static final String WEBHOOK_PATH = "/cgi-bin/webhook/send";

	static WireMockServer stub;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NotifyProperties properties;

	@Autowired
	NoticeTexts texts;

	@Autowired
	Accounts accounts;

	@Autowired
	Members members;

	@Autowired
	Places places;

	@Autowired
	Clock clock;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.oneweek.casework.Handovers handovers;

	@Autowired
	org.oneweek.diary.DiaryReminders reminders;

	@Autowired
	org.oneweek.diary.HandoverReports reports;

	Notices notices;

	List<NoticeSender> senders;

	NotifyProperties configured;

	@BeforeAll
	static void startStub() {
		stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		stub.start();
	}

	@AfterAll
	static void stopStub() {
		stub.stop();
	}

	@BeforeEach
	void configure() throws Exception {
		stub.resetAll();
		stub.stubFor(any(urlPathEqualTo("/"))
			.willReturn(okJson("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900\",\"RequestId\":\"stub\"}")));
		stub.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		configured = properties.with(
				new NotifyProperties.Sms("stub-key-id", "stub-key-secret", "127.0.0.1:" + stub.port(), "HTTP",
						"cn-hangzhou", "一周书记", "SMS_0000001"),
				new NotifyProperties.Webhook(stub.baseUrl() + WEBHOOK_PATH + "?key=stub"));
		senders = List.of(new SmsChannel(configured), new WebhookChannel(configured));
		notices = new Notices(jdbc, senders, configured);
		// what earlier tests left waiting is not this test's to send
		jdbc.sql("update notice set state = 'FAILED' where state = 'PENDING'").update();
	}

	NoticeDelivery instance() {
		return new NoticeDelivery(jdbc, transactions, senders, configured, texts, accounts, members, places, clock);
	}

	/** Daytime in the district, so that nothing is held for quiet hours. */
	Instant noon() {
		return LocalDate.now(clock).atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant();
	}

	List<String> smsRequests() {
		return stub.getAllServeEvents()
			.stream()
			.filter((e) -> !e.getRequest().getUrl().startsWith(WEBHOOK_PATH))
			.map(NoticeDeliveryTest::wire)
			.toList();
	}

	List<String> webhookRequests() {
		return stub.getAllServeEvents()
			.stream()
			.filter((e) -> e.getRequest().getUrl().startsWith(WEBHOOK_PATH))
			.map((e) -> e.getRequest().getBodyAsString())
			.toList();
	}

	/** A request as it went over the wire: its action, address and body, decoded. */
	static String wire(ServeEvent event) {
		// the SDK names the action in a header (signature v3) and the parameters in the
		// query
		String action = event.getRequest().containsHeader("x-acs-action") ? event.getRequest().getHeader("x-acs-action")
				: "";
		String raw = event.getRequest().getUrl() + "\n" + event.getRequest().getBodyAsString();
		return "Action=" + action + "\n" + URLDecoder.decode(raw, StandardCharsets.UTF_8);
	}

	@Test
	void anUrgentCaseReachesTheTroubleshooterByTextAndTheGroupRobotWithoutTheReporter() {
		AccountPrincipal troubleshooter = fixtures.principal("troubleshooter");
		String mark = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
		String reporter = "隐名" + mark;
		String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
		IntakeForm form = CaseFixtures.intake(fixtures.villageId("DJ"), "老石桥栏杆松动（内部" + mark + "）");
		form.setPublicTitle("老石桥栏杆松动");
		form.setDescription("私下说明" + mark);
		form.setUrgency(Urgency.URGENT);
		form.setReporterName(reporter);
		form.setReporterPhone(phone);
		form.setReporterHousehold("三组" + mark + "号");
		String reference = intake.record(form.toCommand(), fixtures.principal("secretary"), clock.instant())
			.reference();

		List<Long> ids = jdbc
			.sql("select id from notice where kind = 'URGENT_CASE' and account_id = ? and ? = any(args)")
			.params(troubleshooter.accountId().value(), reference)
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(1);
		String stored = jdbc.sql("select array_to_string(args, '|') from notice where id = ?")
			.param(ids.get(0))
			.query(String.class)
			.single();
		assertThat(stored).contains(reference, "老石桥栏杆松动", "东江村").doesNotContain(reporter, phone, mark, "三组");

		// the troubleshooter had chosen SMS; the department's robot is set up
		jdbc.sql("update notice set channel = 'SMS', state = 'PENDING', sent_at = null where id = ?")
			.param(ids.get(0))
			.update();
		notices.notifyGroup(NoticeKind.URGENT_CASE, List.of(stored.split("\\|")), "group:test:" + reference,
				clock.instant());
		NoticeDelivery.Outcome outcome = instance().deliverDue(clock.instant());
		assertThat(outcome.sent()).isEqualTo(2);

		String memberPhone = members.member(troubleshooter.memberId()).orElseThrow().phone();
		assertThat(smsRequests()).singleElement().satisfies((sms) -> {
			assertThat(sms).contains("Action=SendSms", "PhoneNumbers=" + memberPhone, "SignName=一周书记",
					"TemplateCode=SMS_0000001", "OutId=" + ids.get(0), reference, "【一周书记】紧急事项");
			assertThat(sms).doesNotContain(reporter, phone, mark);
		});
		assertThat(webhookRequests()).singleElement().satisfies((body) -> {
			assertThat(body).startsWith("{").contains("\"msgtype\":\"text\"", "\"content\":\"【一周书记】紧急事项 " + reference);
			assertThat(body).doesNotContain(reporter, phone, mark);
		});
		assertThat(state(ids.get(0))).isEqualTo("SENT");
	}

	@Test
	void aTextMessageGoesOnlyToAMobileNumberAndAFixedLineIsToldNotTried() {
		stub.resetRequests();
		// the committee's phone on record is its office's fixed line
		AccountPrincipal committee = fixtures.principal("committee");
		notices.choose(committee.accountId(), Channel.SMS, clock.instant());
		try {
			Instant at = noon().minusSeconds(60);
			String week = "2032-W" + System.nanoTime();
			notices.notify(committee.accountId(), NoticeKind.ROSTER_CHANGED, List.of(week), null, at);
			long id = jdbc.sql("select id from notice where account_id = ? and ? = any(args)")
				.params(committee.accountId().value(), week)
				.query(Long.class)
				.single();
			instance().deliverDue(noon());
			assertThat(state(id)).isEqualTo("FAILED");
			assertThat(lastError(id)).contains("not a Chinese mobile number");
			assertThat(smsRequests()).isEmpty();
		}
		finally {
			notices.choose(committee.accountId(), Channel.IN_APP, clock.instant());
		}
	}

	@Test
	void twoInstancesDeliverEveryNoticeExactlyOnce() throws Exception {
		AccountId to = fixtures.principal("troubleshooter").accountId();
		notices.choose(to, Channel.SMS, clock.instant());
		Instant at = noon().minusSeconds(60);
		for (int i = 0; i < 25; i++) {
			assertThat(notices.notify(to, NoticeKind.ROSTER_CHANGED, List.of("2031-W" + i), null, at)).isTrue();
			assertThat(notices.notifyGroup(NoticeKind.ROSTER_PUBLISHED, List.of("2031-W" + i), null, at)).isTrue();
		}
		NoticeDelivery first = instance();
		NoticeDelivery second = instance();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (NoticeDelivery delivery : List.of(first, second)) {
				Callable<Integer> run = () -> {
					int sent = 0;
					for (int round = 0; round < 20; round++) {
						NoticeDelivery.Outcome outcome = delivery.deliverDue(noon());
						sent += outcome.sent();
						if (outcome.claimed() == 0) {
							break;
						}
					}
					return sent;
				};
				runs.add(pool.submit(run));
			}
			int total = 0;
			for (Future<Integer> run : runs) {
				total += run.get();
			}
			assertThat(total).isEqualTo(50);
		}
		finally {
			pool.shutdownNow();
			notices.choose(to, Channel.IN_APP, clock.instant());
		}
		assertThat(smsRequests()).hasSize(25);
		assertThat(webhookRequests()).hasSize(25);
		Set<String> outIds = new HashSet<>();
		java.util.regex.Pattern outId = java.util.regex.Pattern.compile("OutId=(\\d+)");
		for (String sms : smsRequests()) {
			java.util.regex.Matcher m = outId.matcher(sms);
			assertThat(m.find()).isTrue();
			outIds.add(m.group(1));
		}
		assertThat(outIds).hasSize(25);
		assertThat(jdbc.sql("select count(*) from notice where state = 'PENDING'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select max(attempts) from notice where sent_at = ?")
			.param(java.sql.Timestamp.from(noon()))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFailedSendIsRetriedWithAWaitThatGrowsAndGivesUpAtTheLastTry() {
		stub.resetAll();
		stub.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("answered once"));
		stub.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).inScenario("flaky")
			.whenScenarioStateIs("answered once")
			.willReturn(okJson("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"))
			.willSetStateTo("recovered"));
		stub.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		Instant t = noon();
		notices.notifyGroup(NoticeKind.ESCALATED, List.of("QX-2031-00001", "RESOLUTION", "2"), "retry:" + t, t);
		long id = jdbc.sql("select id from notice where dedupe_key = ?").param("retry:" + t).query(Long.class).single();
		NoticeDelivery delivery = instance();

		assertThat(delivery.deliverDue(t).retried()).isEqualTo(1);
		assertThat(lastError(id)).contains("502");
		// not before a minute has passed
		assertThat(delivery.deliverDue(t.plusSeconds(30)).claimed()).isZero();
		assertThat(delivery.deliverDue(t.plusSeconds(61)).retried()).isEqualTo(1);
		assertThat(lastError(id)).contains("45009");
		// then two minutes
		assertThat(delivery.deliverDue(t.plusSeconds(61 + 90)).claimed()).isZero();
		assertThat(delivery.deliverDue(t.plusSeconds(61 + 121)).sent()).isEqualTo(1);
		assertThat(state(id)).isEqualTo("SENT");
		assertThat(webhookRequests()).hasSize(3);

		// a robot that never answers: failed after the last try, and nobody hears of it
		// twice
		stub.resetAll();
		stub.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
		notices.notifyGroup(NoticeKind.ESCALATED, List.of("QX-2031-00002", "RESOLUTION", "2"), "dead:" + t, t);
		long dead = jdbc.sql("select id from notice where dedupe_key = ?")
			.param("dead:" + t)
			.query(Long.class)
			.single();
		Instant later = t;
		for (int i = 0; i < configured.maxAttempts() + 2; i++) {
			delivery.deliverDue(later);
			later = later.plus(java.time.Duration.ofHours(2));
		}
		assertThat(state(dead)).isEqualTo("FAILED");
		assertThat(webhookRequests()).hasSize(configured.maxAttempts());
	}

	@Test
	void quietHoursHoldBackAllButUrgentNotices() {
		AccountId to = fixtures.principal("troubleshooter").accountId();
		notices.choose(to, Channel.SMS, clock.instant());
		try {
			Instant night = LocalDate.now(clock).atTime(23, 0).atZone(clock.getZone()).toInstant();
			notices.notify(to, NoticeKind.ROSTER_CHANGED, List.of("2031-W20"), "quiet:" + night, night);
			notices.notify(to, NoticeKind.URGENT_CASE, List.of("QX-2031-00003", "桥", "东江村"), "loud:" + night, night);
			NoticeDelivery.Outcome outcome = instance().deliverDue(night);
			assertThat(outcome.sent()).isEqualTo(1);
			assertThat(outcome.held()).isEqualTo(1);
			assertThat(smsRequests()).singleElement().satisfies((sms) -> assertThat(sms).contains("QX-2031-00003"));
			Instant seven = LocalDate.now(clock).plusDays(1).atTime(7, 0).atZone(clock.getZone()).toInstant();
			assertThat(jdbc.sql("select next_attempt_at from notice where dedupe_key = ?")
				.param("quiet:" + night)
				.query(java.sql.Timestamp.class)
				.single()
				.toInstant()).isEqualTo(seven);
			assertThat(instance().deliverDue(seven.minusSeconds(1)).sent()).isZero();
			assertThat(instance().deliverDue(seven).sent()).isEqualTo(1);
		}
		finally {
			notices.choose(to, Channel.IN_APP, clock.instant());
		}
	}

	@Test
	void aVillagersFollowUpReachesTheCommitteeWithoutTheirWordsOrPhone() throws Exception {
		String reference = intake
			.record(CaseFixtures.intake(fixtures.villageId("DJ"), "路面坑洼积水").toCommand(),
					fixtures.principal("secretary"), clock.instant())
			.reference();
		String said = "坑里的水有半尺深" + System.nanoTime();
		String phone = "13" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
		mvc.perform(MockMvcRequestBuilders.post("/c/" + reference + "/follow-up").with(csrf()).with((request) -> {
			request.setRemoteAddr("10.99.0." + ThreadLocalRandom.current().nextInt(1, 250));
			return request;
		}).param("kind", "INFO").param("text", said).param("phone", phone).param("website", ""))
			.andExpect(status().is3xxRedirection());
		AccountPrincipal committee = fixtures.principal("committee");
		List<String> args = jdbc
			.sql("select array_to_string(args, '|') from notice where kind = 'FOLLOW_UP' and account_id = ? "
					+ "and ? = any(args)")
			.params(committee.accountId().value(), reference)
			.query(String.class)
			.list();
		assertThat(args).singleElement().isEqualTo(reference);
		assertThat(jdbc
			.sql("select count(*) from notice where array_to_string(args, '|') like ? or "
					+ "array_to_string(args, '|') like ?")
			.params("%" + said + "%", "%" + phone + "%")
			.query(Long.class)
			.single()).isZero();

		String page = mvc.perform(get("/notices").with(user(committee)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("群众对事项 " + reference + " 有新的跟进", "已送达").doesNotContain(said, phone);
	}

	@Test
	void eachPersonChoosesHowNoticesReachThem() throws Exception {
		AccountPrincipal secretary = fixtures.principal("secretary");
		Notices context = notices;
		mvc.perform(MockMvcRequestBuilders.post("/notices/channel")
			.with(csrf())
			.with(user(secretary))
			.param("channel", "SMS")).andExpect(redirectedUrl("/notices"));
		assertThat(context.channel(secretary.accountId())).isEqualTo(Channel.SMS);
		// with SMS chosen and the provider set up, the next notice is a text
		context.notify(secretary.accountId(), NoticeKind.DIARY_MISSING, List.of("2031-01-07"), null, noon());
		assertThat(instance().deliverDue(noon()).sent()).isEqualTo(1);
		assertThat(smsRequests()).singleElement().satisfies((sms) -> assertThat(sms).contains("2031-01-07 的民情日记还没有写"));

		String refused = mvc
			.perform(MockMvcRequestBuilders.post("/notices/channel")
				.with(csrf())
				.with(user(secretary))
				.param("channel", "WEBHOOK"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("请选择一种通知方式");
		mvc.perform(MockMvcRequestBuilders.post("/notices/channel")
			.with(csrf())
			.with(user(secretary))
			.param("channel", "IN_APP")).andExpect(redirectedUrl("/notices"));
		assertThat(context.channel(secretary.accountId())).isEqualTo(Channel.IN_APP);
		String page = mvc.perform(get("/notices?lang=en").with(user(secretary)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("The diary of 2031-01-07 is not written yet", "Text sent");
	}

	@Test
	void aHandOverAndAnEmptyEveningDiaryBecomeNoticesForTheirPeople() {
		long village = fixtures.newVillage("HB");
		LocalDate monday = fixtures.freshMonday();
		CaseFixtures.Team first = fixtures.team(village, monday);
		CaseFixtures.Team second = fixtures.team(village, monday.plusWeeks(1), first);
		intake.record(CaseFixtures.intake(village, "涵洞漏水").toCommand(), first.lead(), first.tuesday());
		handovers.handOver(new HandOverCases(first.termId(), null), first.lead(), first.tuesday().plusSeconds(86400));
		for (AccountPrincipal member : second.people()) {
			assertThat(jdbc
				.sql("select array_to_string(args, '|') from notice where kind = 'HANDOVER_WAITING' "
						+ "and account_id = ?")
				.param(member.accountId().value())
				.query(String.class)
				.list()).singleElement().satisfies((args) -> assertThat(args).startsWith("1|测试村"));
		}

		// handed over from the diary's report: the same notice
		long other = fixtures.newVillage("HB");
		CaseFixtures.Team third = fixtures.team(other, monday, first, second);
		CaseFixtures.Team fourth = fixtures.team(other, monday.plusWeeks(1), first, second, third);
		intake.record(CaseFixtures.intake(other, "排水沟纠纷").toCommand(), third.lead(), third.tuesday());
		intake.record(CaseFixtures.intake(other, "路灯不亮").toCommand(), third.lead(), third.tuesday());
		reports.handOver(third.lead(), third.termId(),
				monday.plusDays(6).atTime(18, 0).atZone(clock.getZone()).toInstant());
		assertThat(jdbc
			.sql("select array_to_string(args, '|') from notice where kind = 'HANDOVER_WAITING' "
					+ "and account_id = ?")
			.param(fourth.lead().accountId().value())
			.query(String.class)
			.list()).singleElement().satisfies((args) -> assertThat(args).startsWith("2|测试村"));

		Instant evening = monday.plusDays(1).atTime(20, 30).atZone(clock.getZone()).toInstant();
		reminders.run(evening);
		reminders.run(evening.plusSeconds(600));
		for (AccountPrincipal member : first.people()) {
			// of that day only: a member may have served another test's week and been
			// reminded there (DiaryComplianceTest runs the evening job for its teams)
			assertThat(jdbc
				.sql("select count(*) from notice where kind = 'DIARY_MISSING' and account_id = ? and args[1] = ?")
				.param(member.accountId().value())
				.param(monday.plusDays(1).toString())
				.query(Long.class)
				.single()).as("one reminder per member and day").isEqualTo(1);
		}
	}

	String state(long id) {
		return jdbc.sql("select state from notice where id = ?").param(id).query(String.class).single();
	}

	String lastError(long id) {
		return jdbc.sql("select last_error from notice where id = ?").param(id).query(String.class).single();
	}

}

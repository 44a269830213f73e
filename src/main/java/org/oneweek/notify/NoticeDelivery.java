package org.oneweek.notify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.Account;
import org.oneweek.people.AccountId;
import org.oneweek.people.Accounts;
import org.oneweek.people.Member;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.platform.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the notices that are due. Each call claims a batch of due notices with
 * {@code FOR UPDATE SKIP LOCKED}, so that instances running it at once never take the
 * same notice, sends each through its channel while the claim is held, and records the
 * result in the same transaction: a notice goes out once (only an instance dying between
 * the provider's answer and its commit could send one again). A failure is tried again
 * after a wait that doubles; outside urgent kinds, nothing is sent in quiet hours.
 */
@Service
public class NoticeDelivery {

	private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Map<Channel, NoticeSender> senders;

	private final NotifyProperties properties;

	private final NoticeTexts texts;

	private final Accounts accounts;

	private final Members members;

	private final Places places;

	private final ZoneId zone;

	NoticeDelivery(JdbcClient jdbc, PlatformTransactionManager transactions, List<NoticeSender> senders,
			NotifyProperties properties, NoticeTexts texts, Accounts accounts, Members members, Places places,
			java.time.Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.senders = senders.stream().collect(Collectors.toMap(NoticeSender::channel, Function.identity()));
		this.properties = properties;
		this.texts = texts;
		this.accounts = accounts;
		this.members = members;
		this.places = places;
		this.zone = clock.getZone();
	}

	private record Due(long id, NoticeKind kind, @Nullable Long accountId, Channel channel, List<String> args,
			boolean urgent, int attempts) {

	}

	/** What one call did. */
	public record Outcome(int sent, int retried, int failed, int held) {

		public int claimed() {
			return sent + retried + failed + held;
		}

	}

	/** Sends one batch of the notices due at {@code now}. */
	public Outcome deliverDue(Instant now) {
		Outcome outcome = transactions.execute((status) -> deliverBatch(now));
		return (outcome != null) ? outcome : new Outcome(0, 0, 0, 0);
	}

	private Outcome deliverBatch(Instant now) {
		List<Due> due = jdbc.sql("""
				select id, kind, account_id, channel, args, urgent, attempts from notice
				where state = 'PENDING' and next_attempt_at <= ?
				order by next_attempt_at, id limit ? for update skip locked""")
			.params(Timestamp.from(now), properties.batch())
			.query((rs, n) -> new Due(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")),
					rs.getObject("account_id", Long.class), Channel.valueOf(rs.getString("channel")),
					Notices.strings(rs.getArray("args")), rs.getBoolean("urgent"), rs.getInt("attempts")))
			.list();
		int sent = 0;
		int retried = 0;
		int failed = 0;
		int held = 0;
		for (Due notice : due) {
			Instant quietUntil = quietUntil(now);
			if (quietUntil != null && !notice.urgent()) {
				jdbc.sql("update notice set next_attempt_at = ? where id = ?")
					.params(Timestamp.from(quietUntil), notice.id())
					.update();
				held++;
				continue;
			}
			try {
				send(notice);
				jdbc.sql("update notice set state = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null "
						+ "where id = ?")
					.params(Timestamp.from(now), notice.id())
					.update();
				sent++;
			}
			catch (Exception ex) {
				int attempts = notice.attempts() + 1;
				String error = describe(ex);
				boolean last = attempts >= properties.maxAttempts() || ex instanceof Undeliverable;
				jdbc.sql("""
						update notice set attempts = ?, last_error = ?, state = ?, next_attempt_at = ?
						where id = ?""")
					.params(attempts, error, last ? "FAILED" : "PENDING", Timestamp.from(now.plus(wait(attempts))),
							notice.id())
					.update();
				if (last) {
					failed++;
					log.warn("Notice {} ({}, {}) failed for good after {} tries: {}", notice.id(), notice.kind(),
							notice.channel(), attempts, error);
				}
				else {
					retried++;
				}
			}
		}
		return new Outcome(sent, retried, failed, held);
	}

	private void send(Due notice) throws Exception {
		NoticeSender sender = senders.get(notice.channel());
		if (sender == null || !sender.enabled()) {
			throw new Undeliverable("channel " + notice.channel() + " is not configured");
		}
		String phone = "";
		if (notice.channel() == Channel.SMS) {
			String onRecord = phone(notice.accountId())
				.orElseThrow(() -> new Undeliverable("no phone number on record"));
			// a fixed line (a committee's office) cannot take a text message
			phone = PhoneNumbers.chineseMobile(onRecord)
				.orElseThrow(() -> new Undeliverable("the phone number on record is not a Chinese mobile number"));
		}
		sender.send(new NoticeSender.Outgoing(notice.id(), notice.kind(), phone,
				texts.outgoing(notice.kind(), notice.args())));
	}

	/**
	 * The recipient's own phone: the member's, or for a committee account the village
	 * committee's.
	 */
	private Optional<String> phone(@Nullable Long accountId) {
		if (accountId == null) {
			return Optional.empty();
		}
		Optional<Account> account = accounts.account(AccountId.of(accountId));
		if (account.isEmpty() || !account.get().enabled()) {
			return Optional.empty();
		}
		if (account.get().memberId() != null) {
			return members.member(account.get().memberId()).map(Member::phone).filter((p) -> !p.isBlank());
		}
		if (account.get().villageId() != null) {
			return places.village(account.get().villageId())
				.map(Village::committeePhone)
				.filter((p) -> p != null && !p.isBlank());
		}
		return Optional.empty();
	}

	/** The end of the quiet hours when {@code now} is in them, else null. */
	@Nullable Instant quietUntil(Instant now) {
		int start = properties.quietStart();
		int end = properties.quietEnd();
		if (start == end) {
			return null;
		}
		ZonedDateTime local = now.atZone(zone);
		int hour = local.getHour();
		boolean quiet = (start < end) ? (hour >= start && hour < end) : (hour >= start || hour < end);
		if (!quiet) {
			return null;
		}
		ZonedDateTime until = local.toLocalDate().atTime(end, 0).atZone(zone);
		if (!until.isAfter(local)) {
			until = until.plusDays(1);
		}
		return until.toInstant();
	}

	Duration wait(int attempts) {
		Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait;
	}

	private static String describe(Exception ex) {
		String text = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	/** A notice that no retry can deliver (no phone, no channel). */
	static final class Undeliverable extends Exception {

		Undeliverable(String message) {
			super(message);
		}

	}

}

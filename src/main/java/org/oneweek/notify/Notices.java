package org.oneweek.notify;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.AccountId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of notices: written in the transaction of the change that causes them, so
 * that a notice exists exactly when its cause does, and each person's choice of channel.
 */
@Service
public class Notices {

	static final RowMapper<Notice> NOTICE = Notices::map;

	private final JdbcClient jdbc;

	private final Map<Channel, NoticeSender> senders;

	private final NotifyProperties properties;

	Notices(JdbcClient jdbc, List<NoticeSender> senders, NotifyProperties properties) {
		this.jdbc = jdbc;
		this.senders = senders.stream().collect(Collectors.toMap(NoticeSender::channel, Function.identity()));
		this.properties = properties;
	}

	/**
	 * A notice for a person, through the channel they chose (in-app when that channel is
	 * not configured). In-app notices are delivered as they are written.
	 * @param dedupeKey one notice per key however often its cause is reported (null: no
	 * check)
	 * @param args the message's arguments: numbers, public titles, places, dates; never a
	 * reporter's identity or a villager's words
	 * @return whether a notice was written
	 */
	@Transactional
	public boolean notify(AccountId to, NoticeKind kind, List<String> args, @Nullable String dedupeKey, Instant now) {
		Channel channel = available(channel(to));
		boolean inApp = channel == Channel.IN_APP;
		return insert(kind, to, channel, args, dedupeKey, now, inApp) > 0;
	}

	/** A notice for the department's group robot, when it is configured. */
	@Transactional
	public boolean notifyGroup(NoticeKind kind, List<String> args, @Nullable String dedupeKey, Instant now) {
		if (available(Channel.WEBHOOK) != Channel.WEBHOOK) {
			return false;
		}
		return insert(kind, null, Channel.WEBHOOK, args, dedupeKey, now, false) > 0;
	}

	private int insert(NoticeKind kind, @Nullable AccountId to, Channel channel, List<String> args,
			@Nullable String dedupeKey, Instant now, boolean delivered) {
		Timestamp at = Timestamp.from(now);
		return jdbc.sql("""
				insert into notice (kind, account_id, channel, args, urgent, dedupe_key, state, next_attempt_at,
				  created_at, sent_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing""")
			.params(kind.name(), (to != null) ? to.value() : null, channel.name(), args.toArray(String[]::new),
					kind.urgent(), dedupeKey, delivered ? "SENT" : "PENDING", at, at, delivered ? at : null)
			.update();
	}

	private Channel available(Channel wanted) {
		if (wanted == Channel.IN_APP) {
			return wanted;
		}
		NoticeSender sender = senders.get(wanted);
		return (sender != null && sender.enabled()) ? wanted : Channel.IN_APP;
	}

	/** The person's latest notices, whatever their channel. */
	@Transactional(readOnly = true)
	public List<Notice> of(AccountId account, int limit) {
		return jdbc.sql("select * from notice where account_id = ? order by created_at desc, id desc limit ?")
			.params(account.value(), limit)
			.query(NOTICE)
			.list();
	}

	/** The channel the person chose (in-app unless they chose another). */
	@Transactional(readOnly = true)
	public Channel channel(AccountId account) {
		return jdbc.sql("select channel from notice_preference where account_id = ?")
			.param(account.value())
			.query(String.class)
			.optional()
			.map(Channel::valueOf)
			.orElse(Channel.IN_APP);
	}

	/** Whether SMS can be chosen here (the provider is configured). */
	public boolean smsAvailable() {
		return available(Channel.SMS) == Channel.SMS;
	}

	/**
	 * The person chooses how notices reach them: in-app, or SMS too.
	 * @throws IllegalArgumentException for the group robot, which is no person's channel
	 */
	@Transactional
	public void choose(AccountId account, Channel channel, Instant now) {
		if (channel == Channel.WEBHOOK) {
			throw new IllegalArgumentException("the group robot is not a person's channel");
		}
		jdbc.sql("""
				insert into notice_preference (account_id, channel, updated_at) values (?, ?, ?)
				on conflict (account_id) do update set channel = excluded.channel, updated_at = excluded.updated_at""")
			.params(account.value(), channel.name(), Timestamp.from(now))
			.update();
	}

	/** How many notices wait, were sent or failed, for the operations page and tests. */
	@Transactional(readOnly = true)
	public Map<Notice.State, Long> counts() {
		Map<Notice.State, Long> counts = new java.util.EnumMap<>(Notice.State.class);
		for (Notice.State s : Notice.State.values()) {
			counts.put(s, 0L);
		}
		jdbc.sql("select state, count(*) as n from notice group by state")
			.query((rs, n) -> Map.entry(Notice.State.valueOf(rs.getString("state")), rs.getLong("n")))
			.list()
			.forEach((e) -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	private static Notice map(ResultSet rs, int n) throws SQLException {
		Timestamp sent = rs.getTimestamp("sent_at");
		return new Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")),
				Channel.valueOf(rs.getString("channel")), strings(rs.getArray("args")),
				Notice.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), (sent != null) ? sent.toInstant() : null,
				rs.getString("last_error"));
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

}

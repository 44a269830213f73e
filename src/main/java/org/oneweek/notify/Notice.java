package org.oneweek.notify;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A notice as its recipient sees it on the notices page. */
public record Notice(long id, NoticeKind kind, Channel channel, List<String> args, State state, int attempts,
		Instant createdAt, @Nullable Instant sentAt, @Nullable String lastError) {

	public Notice {
		args = List.copyOf(args);
	}

	/** Where its delivery stands. */
	public enum State {

		PENDING, SENT, FAILED

	}

	/** The arguments as message arguments. */
	public Object[] arguments() {
		return args.toArray();
	}

}

package org.oneweek.casework.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Actor;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseState;

/**
 * What the changes made to a {@link CaseFile} since it was loaded: the timeline entries
 * to append, numbered after the last one stored, and the events for other modules, in
 * order. {@link CaseStore} writes both.
 */
public final class Changes {

	private final int loadedSeq;

	private int seq;

	private Instant updatedAt;

	private final List<Entry> entries = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	Changes(int loadedSeq, Instant updatedAt) {
		this.loadedSeq = loadedSeq;
		this.seq = loadedSeq;
		this.updatedAt = updatedAt;
	}

	void append(CaseEvent.Kind kind, @Nullable CaseState from, @Nullable CaseState to, @Nullable String reason,
			Map<String, Object> data, boolean isPublic, Actor by, Instant at) {
		seq++;
		entries.add(new Entry(seq, kind, at, by, from, to, reason, data, isPublic));
		updatedAt = at;
	}

	void register(Object event) {
		events.add(event);
	}

	/** The sequence number of the last entry stored when the case was loaded. */
	public int loadedSeq() {
		return loadedSeq;
	}

	/** The number of the last entry, stored or new. */
	public int seq() {
		return seq;
	}

	/** When the case last changed. */
	public Instant updatedAt() {
		return updatedAt;
	}

	/** The entries appended since the case was loaded, in order. */
	public List<Entry> entries() {
		return List.copyOf(entries);
	}

	/** The events for other modules, registered since the case was loaded. */
	public List<Object> events() {
		return List.copyOf(events);
	}

	/** Whether anything changed since the case was loaded. */
	public boolean any() {
		return !entries.isEmpty();
	}

}

package org.oneweek.bulletin;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseId;
import org.oneweek.places.VillageId;

/**
 * Villagers enlisted in a case by the committee: a group (村民小组/志愿队) or one villager, and
 * their task. The contact phone is private.
 *
 * @param namePublic for one villager, whether they agreed to be named (a group's name is
 * always shown)
 * @param publicNames the members who agreed to be named
 * @param headcount how many take part
 */
public record Enlistment(long id, CaseId caseId, VillageId villageId, Kind kind, String name, boolean namePublic,
		List<String> publicNames, int headcount, String task, @Nullable String contactPhone, Instant createdAt,
		String createdBy, @Nullable Instant endedAt) {

	public enum Kind {

		GROUP, VILLAGER

	}

	public Enlistment {
		publicNames = List.copyOf(publicNames);
	}

	/** The name the board may show, or null for a villager who did not agree. */
	public @Nullable String publicName() {
		return (kind == Kind.GROUP || namePublic) ? name : null;
	}

	/** How many take part beyond those named. */
	public int unnamed() {
		int named = publicNames.size() + ((kind == Kind.VILLAGER && namePublic) ? 1 : 0);
		return Math.max(0, headcount - named);
	}

	public boolean active() {
		return endedAt == null;
	}

}

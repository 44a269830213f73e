package org.oneweek.bulletin;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.platform.CommandChecks;

/**
 * Enlists villagers in a case: a group (村民小组/志愿队) or one villager, with their task.
 * Refused ({@link CaseRuleException}) when the kind, the name or the task is missing, a
 * text is too long, the headcount out of range or the phone number of the wrong form.
 *
 * @param namePublic whether one villager's name may be shown (a group's always is)
 * @param publicNames the names of a group's members that may be shown
 * @param headcount how many a group are (at least as many as the names shown)
 * @param responsible whether the group is made responsible for the case
 */
public record EnlistVillagers(Enlistment.Kind kind, String name, boolean namePublic, List<String> publicNames,
		int headcount, String task, @Nullable String contactPhone, boolean responsible) {

	private static final CommandChecks CHECK = new CommandChecks(CaseRuleException::new);

	public EnlistVillagers {
		CHECK.present(kind);
		CHECK.text(name, 60);
		publicNames = List.copyOf(publicNames);
		CHECK.atMost(String.join("", publicNames), 300);
		CHECK.between(headcount, 1, 10000, "bulletin.enlist.headcount.range", "bulletin.enlist.headcount.range");
		CHECK.text(task, 200);
		contactPhone = CHECK.phone(contactPhone);
	}

	/** Without the phone number, which must never reach a log line. */
	@Override
	public String toString() {
		return "EnlistVillagers[kind=" + kind + ", task=" + task + "]";
	}

}

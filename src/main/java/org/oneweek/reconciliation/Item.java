package org.oneweek.reconciliation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An item of one of the three lists, as matched and shown.
 *
 * @param ref the item
 * @param category the category code, when known (a finding has one when it became or was
 * linked to a case)
 * @param text what is matched: the title and description, or the finding's text and
 * details
 * @param title the short text shown
 * @param reference the case's reference number (the finding's case, for a finding)
 * @param caseId the case's id (the finding's case, for a finding)
 * @param at when it was received or found
 */
public record Item(ItemRef ref, @Nullable String category, String text, String title, @Nullable String reference,
		@Nullable Long caseId, Instant at) {

	public ItemKind kind() {
		return ref.kind();
	}

}

package org.oneweek.diary;

import java.io.Serial;
import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Urgency;

/**
 * What a person fills in about a finding of an inspection. A mutable bean, not a record,
 * so that every bad field is reported together with what the person typed kept (see
 * {@code places.web.PlaceForms}). {@link Inspections} takes it as it is, because the
 * ledger's intake form of the finding's case is built from it; the diary's other forms
 * are in {@code diary.web}, and its services take commands.
 */
public final class DiaryForms {

	private DiaryForms() {
	}

	/** What becomes of a finding. */
	public enum Outcome {

		/** Only noted for now. */
		NOTE,
		/** Recorded as a new case (source: inspection). */
		NEW_CASE,
		/** Linked to a case already in the ledger. */
		LINK

	}

	/**
	 * A finding of an inspection, and what becomes of it. Serializable: when refused, it
	 * goes back to the page through the session, with what was typed.
	 */
	public static final class FindingForm implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		@NotBlank(message = "{diary.finding.text.required}")
		@Size(max = 100, message = "{validation.tooLong}")
		private @Nullable String text;

		@Size(max = 2000, message = "{validation.tooLong}")
		private @Nullable String details;

		@Size(max = 200, message = "{validation.tooLong}")
		private @Nullable String location;

		@NotNull(message = "{validation.required}")
		private @Nullable Outcome outcome = Outcome.NEW_CASE;

		private @Nullable String category;

		private @Nullable Urgency urgency = Urgency.NORMAL;

		@Size(max = 30, message = "{validation.tooLong}")
		private @Nullable String reference;

		public FindingForm() {
		}

		public @Nullable String getText() {
			return text;
		}

		public void setText(@Nullable String text) {
			this.text = text;
		}

		public @Nullable String getDetails() {
			return details;
		}

		public void setDetails(@Nullable String details) {
			this.details = details;
		}

		public @Nullable String getLocation() {
			return location;
		}

		public void setLocation(@Nullable String location) {
			this.location = location;
		}

		public @Nullable Outcome getOutcome() {
			return outcome;
		}

		public void setOutcome(@Nullable Outcome outcome) {
			this.outcome = outcome;
		}

		public @Nullable String getCategory() {
			return category;
		}

		public void setCategory(@Nullable String category) {
			this.category = category;
		}

		public @Nullable Urgency getUrgency() {
			return urgency;
		}

		public void setUrgency(@Nullable Urgency urgency) {
			this.urgency = urgency;
		}

		public @Nullable String getReference() {
			return reference;
		}

		public void setReference(@Nullable String reference) {
			this.reference = reference;
		}

	}

}

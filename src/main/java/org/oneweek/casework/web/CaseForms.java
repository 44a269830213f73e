package org.oneweek.casework.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.CaseCommands;
import org.oneweek.casework.CaseCommands.AddNote;
import org.oneweek.casework.CaseCommands.ApproveFunding;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseCommands.CloseCase;
import org.oneweek.casework.CaseCommands.RequestFunding;
import org.oneweek.casework.CaseCommands.ResolveCase;
import org.oneweek.casework.Satisfaction;
import org.oneweek.casework.Urgency;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;

/**
 * What a person fills in to record or change a case, in a page or as a JSON body. Mutable
 * beans, not records, so that every bad field is reported together with what the person
 * typed kept (ARCHITECTURE.md); each maps to the ledger's command once it is valid.
 */
public final class CaseForms {

	private CaseForms() {
	}

	/** Who takes the case, and how urgent it is now. */
	public static final class AssignForm {

		public AssignCase toCommand() {
			return new AssignCase(required(kind), (memberId != null && memberId > 0) ? MemberId.of(memberId) : null,
					(unitId != null && unitId > 0) ? UnitId.of(unitId) : null, groupName, urgency, reason);
		}

		@NotNull(message = "{validation.required}")
		private @Nullable AssigneeKind kind;

		private @Nullable Long memberId;

		private @Nullable Long unitId;

		@Size(max = 60, message = "{validation.tooLong}")
		private @Nullable String groupName;

		private @Nullable Urgency urgency;

		@Size(max = 500, message = "{validation.tooLong}")
		private @Nullable String reason;

		public @Nullable AssigneeKind getKind() {
			return kind;
		}

		public void setKind(@Nullable AssigneeKind kind) {
			this.kind = kind;
		}

		public @Nullable Long getMemberId() {
			return memberId;
		}

		public void setMemberId(@Nullable Long memberId) {
			this.memberId = memberId;
		}

		public @Nullable Long getUnitId() {
			return unitId;
		}

		public void setUnitId(@Nullable Long unitId) {
			this.unitId = unitId;
		}

		public @Nullable String getGroupName() {
			return groupName;
		}

		public void setGroupName(@Nullable String groupName) {
			this.groupName = groupName;
		}

		public @Nullable Urgency getUrgency() {
			return urgency;
		}

		public void setUrgency(@Nullable Urgency urgency) {
			this.urgency = urgency;
		}

		public @Nullable String getReason() {
			return reason;
		}

		public void setReason(@Nullable String reason) {
			this.reason = reason;
		}

	}

	/** A note, progress, resolution or callback: a text and what goes with it. */
	public static final class NoteForm {

		public AddNote toNote() {
			return new AddNote(text, publicNote, progress);
		}

		public ResolveCase toResolution() {
			return new ResolveCase(text);
		}

		public CloseCase toCallback() {
			return new CloseCase(satisfaction, text);
		}

		@Size(max = 2000, message = "{validation.tooLong}")
		private @Nullable String text;

		private boolean publicNote;

		@Min(value = 0, message = "{case.progress.range}")
		@Max(value = 100, message = "{case.progress.range}")
		private @Nullable Integer progress;

		private @Nullable Satisfaction satisfaction;

		public @Nullable String getText() {
			return text;
		}

		public void setText(@Nullable String text) {
			this.text = text;
		}

		public boolean isPublicNote() {
			return publicNote;
		}

		public void setPublicNote(boolean publicNote) {
			this.publicNote = publicNote;
		}

		public @Nullable Integer getProgress() {
			return progress;
		}

		public void setProgress(@Nullable Integer progress) {
			this.progress = progress;
		}

		public @Nullable Satisfaction getSatisfaction() {
			return satisfaction;
		}

		public void setSatisfaction(@Nullable Satisfaction satisfaction) {
			this.satisfaction = satisfaction;
		}

	}

	/** Money asked for or granted. */
	public static final class FundingForm {

		public RequestFunding toRequest() {
			return new RequestFunding(amount, source, note);
		}

		public ApproveFunding toApproval() {
			return new ApproveFunding(amount, source, approvedBy, note);
		}

		@NotNull(message = "{validation.required}")
		@DecimalMin(value = "0.01", message = "{case.funding.positive}")
		@DecimalMax(value = "999999999", message = "{validation.tooLarge}")
		private @Nullable BigDecimal amount;

		@Size(max = 100, message = "{validation.tooLong}")
		private @Nullable String source;

		@Size(max = 100, message = "{validation.tooLong}")
		private @Nullable String approvedBy;

		@Size(max = 500, message = "{validation.tooLong}")
		private @Nullable String note;

		public @Nullable BigDecimal getAmount() {
			return amount;
		}

		public void setAmount(@Nullable BigDecimal amount) {
			this.amount = amount;
		}

		public @Nullable String getSource() {
			return source;
		}

		public void setSource(@Nullable String source) {
			this.source = source;
		}

		public @Nullable String getApprovedBy() {
			return approvedBy;
		}

		public void setApprovedBy(@Nullable String approvedBy) {
			this.approvedBy = approvedBy;
		}

		public @Nullable String getNote() {
			return note;
		}

		public void setNote(@Nullable String note) {
			this.note = note;
		}

	}

	static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new org.oneweek.casework.CaseRuleException("validation.required");
		}
		return value;
	}

}

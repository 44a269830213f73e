package org.oneweek.casework.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Urgency;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Phone;

/**
 * A problem heard at a morning meeting, an inspection, on the phone or from the
 * officials' list.
 */
public final class IntakeForm {

	@NotNull(message = "{validation.required}")
	private @Nullable Long villageId;

	@NotNull(message = "{validation.required}")
	private @Nullable CaseSource source = CaseSource.MORNING_MEETING;

	@NotNull(message = "{validation.required}")
	private @Nullable CaseType type = CaseType.HELP;

	@NotBlank(message = "{validation.required}")
	private @Nullable String category;

	@NotNull(message = "{validation.required}")
	private @Nullable Urgency urgency = Urgency.NORMAL;

	@NotBlank(message = "{case.title.required}")
	@Size(max = 100, message = "{validation.tooLong}")
	private @Nullable String title;

	@Size(max = 2000, message = "{validation.tooLong}")
	private @Nullable String description;

	@Size(max = 200, message = "{validation.tooLong}")
	private @Nullable String location;

	@Size(max = 100, message = "{validation.tooLong}")
	private @Nullable String publicTitle;

	@Size(max = 40, message = "{validation.tooLong}")
	private @Nullable String reporterName;

	@Phone
	private @Nullable String reporterPhone;

	@Size(max = 100, message = "{validation.tooLong}")
	private @Nullable String reporterHousehold;

	private boolean reporterConsent;

	@Size(max = 100, message = "{validation.tooLong}")
	private @Nullable String idempotencyKey;

	private @Nullable Long meetingId;

	// a number reserved for the phone, given to the villager while it had no signal
	@Size(max = 40, message = "{validation.tooLong}")
	private @Nullable String reservedReference;

	public IntakeForm() {
	}

	public @Nullable String getReservedReference() {
		return reservedReference;
	}

	public void setReservedReference(@Nullable String reservedReference) {
		this.reservedReference = reservedReference;
	}

	public @Nullable Long getMeetingId() {
		return meetingId;
	}

	public void setMeetingId(@Nullable Long meetingId) {
		this.meetingId = meetingId;
	}

	/**
	 * The ledger's command.
	 * @throws org.oneweek.casework.CaseRuleException when a value is missing or wrong
	 * (the form's validation reports these first)
	 */
	public RecordCase toCommand() {
		return new RecordCase(VillageId.of(CaseForms.required(villageId)), CaseForms.required(source),
				CaseForms.required(type), CaseForms.required(category), CaseForms.required(urgency),
				CaseForms.required(title), description, location, publicTitle,
				RecordCase.reporter(reporterName, reporterPhone, reporterHousehold, reporterConsent), idempotencyKey,
				(meetingId != null && meetingId > 0) ? meetingId : null);
	}

	public @Nullable Long getVillageId() {
		return villageId;
	}

	public void setVillageId(@Nullable Long villageId) {
		this.villageId = villageId;
	}

	public @Nullable CaseSource getSource() {
		return source;
	}

	public void setSource(@Nullable CaseSource source) {
		this.source = source;
	}

	public @Nullable CaseType getType() {
		return type;
	}

	public void setType(@Nullable CaseType type) {
		this.type = type;
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

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getDescription() {
		return description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable String getLocation() {
		return location;
	}

	public void setLocation(@Nullable String location) {
		this.location = location;
	}

	public @Nullable String getPublicTitle() {
		return publicTitle;
	}

	public void setPublicTitle(@Nullable String publicTitle) {
		this.publicTitle = publicTitle;
	}

	public @Nullable String getReporterName() {
		return reporterName;
	}

	public void setReporterName(@Nullable String reporterName) {
		this.reporterName = reporterName;
	}

	public @Nullable String getReporterPhone() {
		return reporterPhone;
	}

	public void setReporterPhone(@Nullable String reporterPhone) {
		this.reporterPhone = reporterPhone;
	}

	public @Nullable String getReporterHousehold() {
		return reporterHousehold;
	}

	public void setReporterHousehold(@Nullable String reporterHousehold) {
		this.reporterHousehold = reporterHousehold;
	}

	public boolean isReporterConsent() {
		return reporterConsent;
	}

	public void setReporterConsent(boolean reporterConsent) {
		this.reporterConsent = reporterConsent;
	}

	public @Nullable String getIdempotencyKey() {
		return idempotencyKey;
	}

	public void setIdempotencyKey(@Nullable String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	// no toString: the reporter must never reach a log line

}

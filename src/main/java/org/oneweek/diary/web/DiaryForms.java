package org.oneweek.diary.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.oneweek.casework.Urgency;
import org.oneweek.diary.DecideFinding;
import org.oneweek.diary.DiaryEntry;
import org.oneweek.diary.FindingOutcome;
import org.oneweek.diary.RecordFinding;
import org.oneweek.diary.RecordInspection;
import org.oneweek.diary.RecordMeeting;
import org.oneweek.diary.WriteDiary;
import org.oneweek.people.MemberId;

/**
 * What a person fills in: a diary, a meeting, an inspection and its findings. Mutable
 * beans, not records, so that every bad field is reported together with what the person
 * typed kept (see {@code places.web.PlaceForms}). Once a form is valid, it becomes the
 * command the service takes.
 */
final class DiaryForms {

	private DiaryForms() {
	}

	/**
	 * The members ticked on a form, as ids; a value that cannot be a member's is left
	 * out, as one who is not on the team is.
	 */
	static List<MemberId> members(List<Long> ids) {
		return ids.stream().filter((id) -> id != null && id > 0).map(MemberId::of).toList();
	}

	/**
	 * A day's diary. Every field is optional; what is empty is simply not written yet.
	 */
	static final class DiaryForm {

		@Size(max = 2000, message = "{validation.tooLong}")
		private @Nullable String places;

		@Min(value = 0, message = "{validation.notNegative}")
		@Max(value = 10000, message = "{validation.tooLarge}")
		private @Nullable Integer households;

		@Size(max = 5000, message = "{validation.tooLong}")
		private @Nullable String householdNotes;

		@Size(max = 5000, message = "{validation.tooLong}")
		private @Nullable String heard;

		@Size(max = 5000, message = "{validation.tooLong}")
		private @Nullable String done;

		@Size(max = 5000, message = "{validation.tooLong}")
		private @Nullable String reflections;

		@Size(max = 3000, message = "{validation.tooLong}")
		private @Nullable String plan;

		public DiaryForm() {
		}

		static DiaryForm of(DiaryEntry entry) {
			DiaryForm form = new DiaryForm();
			form.places = entry.places();
			form.households = entry.households();
			form.householdNotes = entry.householdNotes();
			form.heard = entry.heard();
			form.done = entry.done();
			form.reflections = entry.reflections();
			form.plan = entry.plan();
			return form;
		}

		WriteDiary toCommand() {
			return new WriteDiary(places, households, householdNotes, heard, done, reflections, plan);
		}

		public @Nullable String getPlaces() {
			return places;
		}

		public void setPlaces(@Nullable String places) {
			this.places = places;
		}

		public @Nullable Integer getHouseholds() {
			return households;
		}

		public void setHouseholds(@Nullable Integer households) {
			this.households = households;
		}

		public @Nullable String getHouseholdNotes() {
			return householdNotes;
		}

		public void setHouseholdNotes(@Nullable String householdNotes) {
			this.householdNotes = householdNotes;
		}

		public @Nullable String getHeard() {
			return heard;
		}

		public void setHeard(@Nullable String heard) {
			this.heard = heard;
		}

		public @Nullable String getDone() {
			return done;
		}

		public void setDone(@Nullable String done) {
			this.done = done;
		}

		public @Nullable String getReflections() {
			return reflections;
		}

		public void setReflections(@Nullable String reflections) {
			this.reflections = reflections;
		}

		public @Nullable String getPlan() {
			return plan;
		}

		public void setPlan(@Nullable String plan) {
			this.plan = plan;
		}

	}

	/** A morning meeting. */
	static final class MeetingForm {

		// ISO, as a date input shows it: printed in the locale's short style the browser
		// shows an empty field, and a required empty field makes 保存 seem to do nothing
		@NotNull(message = "{validation.required}")
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate day;

		@NotBlank(message = "{validation.required}")
		@Size(max = 200, message = "{validation.tooLong}")
		private @Nullable String place;

		@Min(value = 0, message = "{validation.notNegative}")
		@Max(value = 100000, message = "{validation.tooLarge}")
		private @Nullable Integer attendees;

		@Size(max = 500, message = "{validation.tooLong}")
		private @Nullable String groups;

		@Size(max = 5000, message = "{validation.tooLong}")
		private @Nullable String notes;

		private List<Long> memberIds = new ArrayList<>();

		// made when the form is shown (or on the phone): sent twice, it records once; one
		// too long is refused by the service, with a message the page shows
		private @Nullable String idempotencyKey;

		public MeetingForm() {
		}

		public @Nullable LocalDate getDay() {
			return day;
		}

		public void setDay(@Nullable LocalDate day) {
			this.day = day;
		}

		public @Nullable String getPlace() {
			return place;
		}

		public void setPlace(@Nullable String place) {
			this.place = place;
		}

		public @Nullable Integer getAttendees() {
			return attendees;
		}

		public void setAttendees(@Nullable Integer attendees) {
			this.attendees = attendees;
		}

		public @Nullable String getGroups() {
			return groups;
		}

		public void setGroups(@Nullable String groups) {
			this.groups = groups;
		}

		public @Nullable String getNotes() {
			return notes;
		}

		public void setNotes(@Nullable String notes) {
			this.notes = notes;
		}

		public List<Long> getMemberIds() {
			return memberIds;
		}

		public void setMemberIds(@Nullable List<Long> memberIds) {
			this.memberIds = (memberIds != null) ? memberIds : new ArrayList<>();
		}

		public @Nullable String getIdempotencyKey() {
			return idempotencyKey;
		}

		public void setIdempotencyKey(@Nullable String idempotencyKey) {
			this.idempotencyKey = idempotencyKey;
		}

		RecordMeeting toCommand() {
			return new RecordMeeting(day, place, attendees, groups, notes, DiaryForms.members(memberIds));
		}

	}

	/** An inspection walk. */
	static final class InspectionForm {

		// ISO, as a date input shows it: printed in the locale's short style the browser
		// shows an empty field, and a required empty field makes 保存 seem to do nothing
		@NotNull(message = "{validation.required}")
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate day;

		@NotBlank(message = "{validation.required}")
		@Size(max = 1000, message = "{validation.tooLong}")
		private @Nullable String route;

		@Size(max = 500, message = "{validation.tooLong}")
		private @Nullable String officials;

		@Size(max = 5000, message = "{validation.tooLong}")
		private @Nullable String notes;

		private List<Long> memberIds = new ArrayList<>();

		// made when the form is shown (or on the phone): sent twice, it records once; one
		// too long is refused by the service, with a message the page shows
		private @Nullable String idempotencyKey;

		public InspectionForm() {
		}

		public @Nullable LocalDate getDay() {
			return day;
		}

		public void setDay(@Nullable LocalDate day) {
			this.day = day;
		}

		public @Nullable String getRoute() {
			return route;
		}

		public void setRoute(@Nullable String route) {
			this.route = route;
		}

		public @Nullable String getOfficials() {
			return officials;
		}

		public void setOfficials(@Nullable String officials) {
			this.officials = officials;
		}

		public @Nullable String getNotes() {
			return notes;
		}

		public void setNotes(@Nullable String notes) {
			this.notes = notes;
		}

		public List<Long> getMemberIds() {
			return memberIds;
		}

		public void setMemberIds(@Nullable List<Long> memberIds) {
			this.memberIds = (memberIds != null) ? memberIds : new ArrayList<>();
		}

		public @Nullable String getIdempotencyKey() {
			return idempotencyKey;
		}

		public void setIdempotencyKey(@Nullable String idempotencyKey) {
			this.idempotencyKey = idempotencyKey;
		}

		RecordInspection toCommand() {
			return new RecordInspection(day, route, officials, notes, DiaryForms.members(memberIds));
		}

	}

	/**
	 * A finding of an inspection, and what becomes of it; deciding on a finding only
	 * noted so far posts the same fields but its text. Serializable: when refused, it
	 * goes back to the page through the session, with what was typed.
	 */
	static final class FindingForm implements Serializable {

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
		private @Nullable FindingOutcome outcome = FindingOutcome.NEW_CASE;

		private @Nullable String category;

		private @Nullable Urgency urgency = Urgency.NORMAL;

		@Size(max = 30, message = "{validation.tooLong}")
		private @Nullable String reference;

		// made when the form is shown (or on the phone): sent twice, it records once; one
		// too long is refused by the service, with a message the page shows
		private @Nullable String idempotencyKey;

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

		public @Nullable FindingOutcome getOutcome() {
			return outcome;
		}

		public void setOutcome(@Nullable FindingOutcome outcome) {
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

		public @Nullable String getIdempotencyKey() {
			return idempotencyKey;
		}

		public void setIdempotencyKey(@Nullable String idempotencyKey) {
			this.idempotencyKey = idempotencyKey;
		}

		RecordFinding toCommand() {
			return new RecordFinding(text, details, location, outcome, category, urgency, reference);
		}

		/**
		 * What becomes of a finding already recorded (its text, details and location
		 * kept).
		 */
		DecideFinding toDecision() {
			return new DecideFinding(outcome, category, urgency, reference);
		}

	}

}

package org.oneweek.bulletin.web;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.EnlistVillagers;
import org.oneweek.bulletin.Enlistment;
import org.oneweek.bulletin.FollowUp;
import org.oneweek.bulletin.FollowUpKind;
import org.oneweek.bulletin.SubmitFollowUp;
import org.oneweek.casework.Satisfaction;
import org.oneweek.platform.Phone;

/**
 * What people fill in on the board's side. Mutable beans, so that every bad field is
 * reported together with what was typed kept (see {@code places.web.PlaceForms}). Once a
 * form is valid, it becomes the command the service takes.
 */
final class BulletinForms {

	private BulletinForms() {
	}

	/**
	 * A villager's follow-up. {@code website} is a field people never see: a bot that
	 * fills it in is ignored.
	 */
	static final class FollowUpForm {

		@NotNull(message = "{validation.required}")
		private @Nullable FollowUpKind kind;

		@Size(max = FollowUp.MAX_TEXT, message = "{bulletin.followUp.tooLong}")
		private @Nullable String text;

		private @Nullable Satisfaction satisfaction;

		@Phone
		private @Nullable String phone;

		private @Nullable String website;

		@Size(max = 100, message = "{validation.tooLong}")
		private @Nullable String requestKey;

		public @Nullable FollowUpKind getKind() {
			return kind;
		}

		public void setKind(@Nullable FollowUpKind kind) {
			this.kind = kind;
		}

		public @Nullable String getText() {
			return text;
		}

		public void setText(@Nullable String text) {
			this.text = text;
		}

		public @Nullable Satisfaction getSatisfaction() {
			return satisfaction;
		}

		public void setSatisfaction(@Nullable Satisfaction satisfaction) {
			this.satisfaction = satisfaction;
		}

		public @Nullable String getPhone() {
			return phone;
		}

		public void setPhone(@Nullable String phone) {
			this.phone = phone;
		}

		public @Nullable String getWebsite() {
			return website;
		}

		public void setWebsite(@Nullable String website) {
			this.website = website;
		}

		public @Nullable String getRequestKey() {
			return requestKey;
		}

		public void setRequestKey(@Nullable String requestKey) {
			this.requestKey = requestKey;
		}

		/** Whether the field only a bot fills in was filled in. */
		boolean filledByBot() {
			return website != null && !website.isEmpty();
		}

		SubmitFollowUp toCommand() {
			return new SubmitFollowUp(kind, text, satisfaction, phone, requestKey);
		}

		// no toString: the phone must never reach a log line

	}

	/**
	 * Villagers enlisted in a case: a group (村民小组/志愿队) or one villager, with their task.
	 */
	static final class EnlistForm {

		@NotNull(message = "{validation.required}")
		private Enlistment.@Nullable Kind kind = Enlistment.Kind.GROUP;

		@NotBlank(message = "{validation.required}")
		@Size(max = 60, message = "{validation.tooLong}")
		private @Nullable String name;

		private boolean namePublic;

		@Size(max = 300, message = "{validation.tooLong}")
		private @Nullable String publicNames;

		@NotNull(message = "{validation.required}")
		@Min(value = 1, message = "{bulletin.enlist.headcount.range}")
		@Max(value = 10000, message = "{bulletin.enlist.headcount.range}")
		private @Nullable Integer headcount = 1;

		@NotBlank(message = "{validation.required}")
		@Size(max = 200, message = "{validation.tooLong}")
		private @Nullable String task;

		@Phone
		private @Nullable String contactPhone;

		private boolean responsible;

		public Enlistment.@Nullable Kind getKind() {
			return kind;
		}

		public void setKind(Enlistment.@Nullable Kind kind) {
			this.kind = kind;
		}

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public boolean isNamePublic() {
			return namePublic;
		}

		public void setNamePublic(boolean namePublic) {
			this.namePublic = namePublic;
		}

		public @Nullable String getPublicNames() {
			return publicNames;
		}

		public void setPublicNames(@Nullable String publicNames) {
			this.publicNames = publicNames;
		}

		public @Nullable Integer getHeadcount() {
			return headcount;
		}

		public void setHeadcount(@Nullable Integer headcount) {
			this.headcount = headcount;
		}

		public @Nullable String getTask() {
			return task;
		}

		public void setTask(@Nullable String task) {
			this.task = task;
		}

		public @Nullable String getContactPhone() {
			return contactPhone;
		}

		public void setContactPhone(@Nullable String contactPhone) {
			this.contactPhone = contactPhone;
		}

		public boolean isResponsible() {
			return responsible;
		}

		public void setResponsible(boolean responsible) {
			this.responsible = responsible;
		}

		EnlistVillagers toCommand() {
			return new EnlistVillagers(kind, name, namePublic, publicNameList(), headcount, task, contactPhone,
					responsible);
		}

		/** The names that may be shown, split at commas, 、 or spaces. */
		List<String> publicNameList() {
			if (publicNames == null || publicNames.isBlank()) {
				return List.of();
			}
			return Arrays.stream(publicNames.split("[,，、;；\\s]+"))
				.map(String::strip)
				.filter((n) -> !n.isEmpty())
				.distinct()
				.toList();
		}

	}

	/** The phone number the board gives villagers. */
	static final class DutyPhoneForm {

		@Phone
		private @Nullable String phone;

		public @Nullable String getPhone() {
			return phone;
		}

		public void setPhone(@Nullable String phone) {
			this.phone = phone;
		}

	}

	/** A new Open311 key for another system. */
	static final class KeyForm {

		@NotBlank(message = "{validation.required}")
		@Size(max = 30, message = "{validation.tooLong}")
		private @Nullable String name;

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

	}

}

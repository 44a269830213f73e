package org.oneweek.people.web;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.oneweek.people.AddUnavailability;
import org.oneweek.people.ApiTokens;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.CreateUnit;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.PeopleRules;
import org.oneweek.people.Role;
import org.oneweek.people.SaveMember;
import org.oneweek.people.UnitId;
import org.oneweek.places.PlaceRules;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Phone;

/**
 * What a person fills in to create or change members, units and accounts. Mutable beans,
 * so that a field that does not convert is reported beside the others (see
 * {@code places.web.PlaceForms}). Once a form is valid, it becomes the command the
 * service takes.
 */
final class PeopleForms {

	private PeopleForms() {
	}

	/**
	 * A member.
	 */
	static final class MemberForm {

		@NotBlank(message = "{validation.required}")
		@Size(max = 40, message = "{validation.tooLong}")
		private @Nullable String name;

		@NotNull(message = "{validation.required}")
		private Member.@Nullable Gender gender;

		@NotNull(message = "{validation.required}")
		@Min(value = 1900, message = "{people.birthYear.range}")
		@Max(value = 2010, message = "{people.birthYear.range}")
		private @Nullable Integer birthYear;

		private boolean retired;

		@NotBlank(message = "{validation.required}")
		@Phone
		private @Nullable String phone;

		private @Nullable Long homeTownshipId;

		private @Nullable Long homeVillageId;

		@Size(max = 500, message = "{validation.tooLong}")
		private @Nullable String skills;

		@Size(max = 2000, message = "{validation.tooLong}")
		private @Nullable String notes;

		private boolean active;

		public MemberForm() {
		}

		public MemberForm(@Nullable String name, Member.@Nullable Gender gender, @Nullable Integer birthYear,
				boolean retired, @Nullable String phone, @Nullable Long homeTownshipId, @Nullable Long homeVillageId,
				@Nullable String skills, @Nullable String notes, boolean active) {
			this.name = name;
			this.gender = gender;
			this.birthYear = birthYear;
			this.retired = retired;
			this.phone = phone;
			this.homeTownshipId = homeTownshipId;
			this.homeVillageId = homeVillageId;
			this.skills = skills;
			this.notes = notes;
			this.active = active;
		}

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public Member.@Nullable Gender getGender() {
			return gender;
		}

		public void setGender(Member.@Nullable Gender gender) {
			this.gender = gender;
		}

		public @Nullable Integer getBirthYear() {
			return birthYear;
		}

		public void setBirthYear(@Nullable Integer birthYear) {
			this.birthYear = birthYear;
		}

		public boolean isRetired() {
			return retired;
		}

		public void setRetired(boolean retired) {
			this.retired = retired;
		}

		public @Nullable String getPhone() {
			return phone;
		}

		public void setPhone(@Nullable String phone) {
			this.phone = phone;
		}

		public @Nullable Long getHomeTownshipId() {
			return homeTownshipId;
		}

		public void setHomeTownshipId(@Nullable Long homeTownshipId) {
			this.homeTownshipId = homeTownshipId;
		}

		public @Nullable Long getHomeVillageId() {
			return homeVillageId;
		}

		public void setHomeVillageId(@Nullable Long homeVillageId) {
			this.homeVillageId = homeVillageId;
		}

		public @Nullable String getSkills() {
			return skills;
		}

		public void setSkills(@Nullable String skills) {
			this.skills = skills;
		}

		public @Nullable String getNotes() {
			return notes;
		}

		public void setNotes(@Nullable String notes) {
			this.notes = notes;
		}

		public boolean isActive() {
			return active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}

		SaveMember toCommand() {
			return new SaveMember(name, gender, birthYear, retired, phone, Ids.nullable(homeTownshipId, TownshipId::of),
					Ids.nullable(homeVillageId, VillageId::of), skills, notes, active);
		}

		static MemberForm empty() {
			return new MemberForm(null, null, null, false, null, null, null, null, null, true);
		}

		static MemberForm of(Member m) {
			return new MemberForm(m.name(), m.gender(), m.birthYear(), m.retired(), m.phone(),
					Ids.value(m.homeTownshipId()), Ids.value(m.homeVillageId()), m.skills(), m.notes(), m.active());
		}

	}

	/**
	 * Dates a member cannot serve.
	 */
	static final class UnavailabilityForm {

		@NotNull(message = "{validation.required}")
		private @Nullable LocalDate from;

		@NotNull(message = "{validation.required}")
		private @Nullable LocalDate to;

		@Size(max = 200, message = "{validation.tooLong}")
		private @Nullable String reason;

		public UnavailabilityForm() {
		}

		public UnavailabilityForm(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String reason) {
			this.from = from;
			this.to = to;
			this.reason = reason;
		}

		public @Nullable LocalDate getFrom() {
			return from;
		}

		public void setFrom(@Nullable LocalDate from) {
			this.from = from;
		}

		public @Nullable LocalDate getTo() {
			return to;
		}

		public void setTo(@Nullable LocalDate to) {
			this.to = to;
		}

		public @Nullable String getReason() {
			return reason;
		}

		public void setReason(@Nullable String reason) {
			this.reason = reason;
		}

		AddUnavailability toCommand() {
			return new AddUnavailability(from, to, reason);
		}

	}

	/**
	 * A responsible unit.
	 */
	static final class UnitForm {

		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = PlaceRules.CODE_PATTERN, message = "{places.code.pattern}")
		private @Nullable String code;

		@NotBlank(message = "{validation.required}")
		@Size(max = 60, message = "{validation.tooLong}")
		private @Nullable String name;

		@Size(max = 40, message = "{validation.tooLong}")
		private @Nullable String contact;

		@Phone
		private @Nullable String phone;

		public UnitForm() {
		}

		public UnitForm(@Nullable String code, @Nullable String name, @Nullable String contact,
				@Nullable String phone) {
			this.code = code;
			this.name = name;
			this.contact = contact;
			this.phone = phone;
		}

		public @Nullable String getCode() {
			return code;
		}

		public void setCode(@Nullable String code) {
			this.code = code;
		}

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getContact() {
			return contact;
		}

		public void setContact(@Nullable String contact) {
			this.contact = contact;
		}

		public @Nullable String getPhone() {
			return phone;
		}

		public void setPhone(@Nullable String phone) {
			this.phone = phone;
		}

		CreateUnit toCommand() {
			return new CreateUnit(code, name, contact, phone);
		}

	}

	/**
	 * A new account.
	 */
	static final class AccountForm {

		@NotBlank(message = "{validation.required}")
		@Pattern(regexp = PeopleRules.USERNAME_PATTERN, message = "{people.username.pattern}")
		private @Nullable String username;

		@NotBlank(message = "{validation.required}")
		@Size(max = 40, message = "{validation.tooLong}")
		private @Nullable String displayName;

		@NotEmpty(message = "{people.roles.required}")
		private @Nullable Set<Role> roles;

		private @Nullable Long memberId;

		private @Nullable Long villageId;

		private @Nullable Long unitId;

		private @Nullable String password;

		public AccountForm() {
		}

		public AccountForm(@Nullable String username, @Nullable String displayName, @Nullable Set<Role> roles,
				@Nullable Long memberId, @Nullable Long villageId, @Nullable Long unitId, @Nullable String password) {
			this.username = username;
			this.displayName = displayName;
			this.roles = roles;
			this.memberId = memberId;
			this.villageId = villageId;
			this.unitId = unitId;
			this.password = password;
		}

		public @Nullable String getUsername() {
			return username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getDisplayName() {
			return displayName;
		}

		public void setDisplayName(@Nullable String displayName) {
			this.displayName = displayName;
		}

		public @Nullable Set<Role> getRoles() {
			return roles;
		}

		public void setRoles(@Nullable Set<Role> roles) {
			this.roles = roles;
		}

		public @Nullable Long getMemberId() {
			return memberId;
		}

		public void setMemberId(@Nullable Long memberId) {
			this.memberId = memberId;
		}

		public @Nullable Long getVillageId() {
			return villageId;
		}

		public void setVillageId(@Nullable Long villageId) {
			this.villageId = villageId;
		}

		public @Nullable Long getUnitId() {
			return unitId;
		}

		public void setUnitId(@Nullable Long unitId) {
			this.unitId = unitId;
		}

		public @Nullable String getPassword() {
			return password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		CreateAccount toCommand() {
			return new CreateAccount(username, displayName, roles, Ids.nullable(memberId, MemberId::of),
					Ids.nullable(villageId, VillageId::of), Ids.nullable(unitId, UnitId::of), password);
		}

	}

	/**
	 * A change of one's own password.
	 */
	static final class PasswordChangeForm {

		private @Nullable String currentPassword;

		private @Nullable String newPassword;

		private @Nullable String confirmPassword;

		public PasswordChangeForm() {
		}

		public PasswordChangeForm(@Nullable String currentPassword, @Nullable String newPassword,
				@Nullable String confirmPassword) {
			this.currentPassword = currentPassword;
			this.newPassword = newPassword;
			this.confirmPassword = confirmPassword;
		}

		public @Nullable String getCurrentPassword() {
			return currentPassword;
		}

		public void setCurrentPassword(@Nullable String currentPassword) {
			this.currentPassword = currentPassword;
		}

		public @Nullable String getNewPassword() {
			return newPassword;
		}

		public void setNewPassword(@Nullable String newPassword) {
			this.newPassword = newPassword;
		}

		public @Nullable String getConfirmPassword() {
			return confirmPassword;
		}

		public void setConfirmPassword(@Nullable String confirmPassword) {
			this.confirmPassword = confirmPassword;
		}

	}

	/**
	 * A new personal API token. The request key is a hidden field, new with each page, so
	 * that the same form sent twice creates one token.
	 */
	static final class ApiTokenForm {

		@NotBlank(message = "{validation.required}")
		@Size(max = 60, message = "{account.tokens.name.tooLong}")
		private @Nullable String name;

		@NotNull(message = "{validation.required}")
		private ApiTokens.@Nullable Validity validity;

		@Size(max = 100, message = "{validation.tooLong}")
		private @Nullable String requestKey;

		public ApiTokenForm() {
		}

		public ApiTokenForm(@Nullable String name, ApiTokens.@Nullable Validity validity, @Nullable String requestKey) {
			this.name = name;
			this.validity = validity;
			this.requestKey = requestKey;
		}

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public ApiTokens.@Nullable Validity getValidity() {
			return validity;
		}

		public void setValidity(ApiTokens.@Nullable Validity validity) {
			this.validity = validity;
		}

		public @Nullable String getRequestKey() {
			return requestKey;
		}

		public void setRequestKey(@Nullable String requestKey) {
			this.requestKey = requestKey;
		}

	}

}

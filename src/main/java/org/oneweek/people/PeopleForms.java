package org.oneweek.people;

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

/**
 * What a person fills in to create or change members, units and accounts.
 */
public final class PeopleForms {

	public static final String PHONE_PATTERN = "^[0-9+\\-() ]{5,20}$";

	public static final String USERNAME_PATTERN = "^[A-Za-z0-9._@-]{3,40}$";

	private PeopleForms() {
	}

	public record MemberForm(
			@NotBlank(message = "{validation.required}") @Size(max = 40,
					message = "{validation.tooLong}") @Nullable String name,
			@NotNull(message = "{validation.required}") Member.@Nullable Gender gender,
			@NotNull(message = "{validation.required}") @Min(value = 1900, message = "{people.birthYear.range}") @Max(
					value = 2010, message = "{people.birthYear.range}") @Nullable Integer birthYear,
			boolean retired,
			@NotBlank(message = "{validation.required}") @Pattern(regexp = PHONE_PATTERN,
					message = "{validation.phone}") @Nullable String phone,
			@Nullable Long homeTownshipId, @Nullable Long homeVillageId,
			@Size(max = 500, message = "{validation.tooLong}") @Nullable String skills,
			@Size(max = 2000, message = "{validation.tooLong}") @Nullable String notes, boolean active) {

		public static MemberForm empty() {
			return new MemberForm(null, null, null, false, null, null, null, null, null, true);
		}

		public static MemberForm of(Member m) {
			return new MemberForm(m.name(), m.gender(), m.birthYear(), m.retired(), m.phone(), m.homeTownshipId(),
					m.homeVillageId(), m.skills(), m.notes(), m.active());
		}

	}

	public record UnavailabilityForm(@NotNull(message = "{validation.required}") @Nullable LocalDate from,
			@NotNull(message = "{validation.required}") @Nullable LocalDate to,
			@Size(max = 200, message = "{validation.tooLong}") @Nullable String reason) {

	}

	public record UnitForm(
			@NotBlank(message = "{validation.required}") @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$",
					message = "{places.code.pattern}") @Nullable String code,
			@NotBlank(message = "{validation.required}") @Size(max = 60,
					message = "{validation.tooLong}") @Nullable String name,
			@Size(max = 40, message = "{validation.tooLong}") @Nullable String contact,
			@Pattern(regexp = "^$|" + PHONE_PATTERN, message = "{validation.phone}") @Nullable String phone) {

	}

	public record AccountForm(
			@NotBlank(message = "{validation.required}") @Pattern(regexp = USERNAME_PATTERN,
					message = "{people.username.pattern}") @Nullable String username,
			@NotBlank(message = "{validation.required}") @Size(max = 40,
					message = "{validation.tooLong}") @Nullable String displayName,
			@NotEmpty(message = "{people.roles.required}") @Nullable Set<Role> roles, @Nullable Long memberId,
			@Nullable Long villageId, @Nullable Long unitId, @Nullable String password) {

	}

	public record PasswordChangeForm(@Nullable String currentPassword, @Nullable String newPassword,
			@Nullable String confirmPassword) {

	}

}

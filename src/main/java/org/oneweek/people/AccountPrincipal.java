package org.oneweek.people;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person: who they are and what they are linked to (a member, a village's
 * committee, a unit). Kept in the session, so it holds no secret once authenticated.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final String username;

	private @Nullable String passwordHash;

	private final String displayName;

	private final Set<Role> roles;

	private final @Nullable Long memberId;

	private final @Nullable Long villageId;

	private final @Nullable Long unitId;

	private final boolean enabled;

	private final boolean locked;

	public AccountPrincipal(AccountId accountId, String username, @Nullable String passwordHash, String displayName,
			Set<Role> roles, @Nullable MemberId memberId, @Nullable VillageId villageId, @Nullable UnitId unitId,
			boolean enabled, boolean locked) {
		// the session keeps the bare values (the serialized form stays what it was)
		this.accountId = accountId.value();
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.memberId = Ids.value(memberId);
		this.villageId = Ids.value(villageId);
		this.unitId = Ids.value(unitId);
		this.enabled = enabled;
		this.locked = locked;
	}

	public AccountId accountId() {
		return AccountId.of(accountId);
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public @Nullable MemberId memberId() {
		return Ids.nullable(memberId, MemberId::of);
	}

	public @Nullable VillageId villageId() {
		return Ids.nullable(villageId, VillageId::of);
	}

	public @Nullable UnitId unitId() {
		return Ids.nullable(unitId, UnitId::of);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal that && that.accountId == accountId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(accountId);
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + username + "]";
	}

}

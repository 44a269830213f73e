package org.oneweek.bulletin;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oneweek.bulletin.internal.BoardCache;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.LedgerWorld;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.Role;
import org.oneweek.places.VillageId;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulletin board with the modules it stands on: a change in the ledger makes the
 * village's cached board page stale at once (and no other village's), so villagers see it
 * on their next look.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = "oneweek.bulletin.board-fresh-for=10m")
class BulletinModuleTest {

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	BeanFactory beans;

	@Autowired
	CaseIntake intake;

	@Autowired
	BoardCache cache;

	@Test
	void aCaseRecordedInAVillageMakesItsBoardPageStaleAndNoOther(Scenario scenario) {
		LedgerWorld world = LedgerWorld.in(beans);
		long village = world.village("公示村");
		long neighbour = world.village("邻村");
		String name = "admin-" + Long.toString(System.nanoTime(), 36);
		accounts.create(
				new CreateAccount(name, "组织部测试", EnumSet.of(Role.ORG_ADMIN), null, null, null, "module-test-admin"),
				"test", true);
		AccountPrincipal admin = (AccountPrincipal) users.loadUserByUsername(name);
		String page = shown(village);
		String other = shown(neighbour);
		assertThat(cache.fresh(page)).isNotNull();

		scenario
			.stimulate(
					() -> intake.record(RecordCase.of(VillageId.of(village), "OTHER", "村口路灯不亮"), admin, Instant.now()))
			.andWaitForStateChange(() -> cache.fresh(page) == null, Boolean::booleanValue)
			.andVerify((stale) -> assertThat(cache.fresh(other)).isNotNull());
	}

	/** Renders a village's page into the cache, as the board's first reader does. */
	private String shown(long villageId) {
		String key = "module-test/" + villageId;
		BoardCache.Rendered rendered = cache.get(key, villageId, () -> "<p>board of " + villageId + "</p>");
		cache.answered(key, rendered.etag(), Map.of("ETag", List.of(rendered.etag())));
		return key;
	}

}

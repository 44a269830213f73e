package org.oneweek.roster;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.oneweek.places.VillageId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VillageScheduleTest {

	static final LocalDate W10 = LocalDate.of(2026, 3, 2);

	@Test
	void everyOtherWeekFromTheFirstWeekUntilTheLast() {
		VillageSchedule schedule = new VillageSchedule(1, VillageId.of(1), W10, W10.plusWeeks(6), 2);
		assertThat(schedule.needsTeamIn(W10.minusWeeks(2))).isFalse();
		assertThat(schedule.needsTeamIn(W10)).isTrue();
		assertThat(schedule.needsTeamIn(W10.plusWeeks(1))).isFalse();
		assertThat(schedule.needsTeamIn(W10.plusWeeks(2))).isTrue();
		assertThat(schedule.needsTeamIn(W10.plusWeeks(6))).isTrue();
		assertThat(schedule.needsTeamIn(W10.plusWeeks(8))).isFalse();
	}

	@Test
	void withoutALastWeekItGoesOn() {
		VillageSchedule schedule = new VillageSchedule(1, VillageId.of(1), W10, null, 4);
		assertThat(schedule.needsTeamIn(W10.plusWeeks(400))).isTrue();
		assertThat(schedule.needsTeamIn(W10.plusWeeks(401))).isFalse();
	}

	@Test
	void anIntervalOutOfRangeIsRefused() {
		assertThatThrownBy(() -> new VillageSchedule(1, VillageId.of(1), W10, null, 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new VillageSchedule(1, VillageId.of(1), W10, null, 53))
			.isInstanceOf(IllegalArgumentException.class);
	}

}

package org.oneweek.bulletin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.BulletinEvents.BoardChanged;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.places.VillageId;
import org.oneweek.platform.CommandChecks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * What the committee sets for its board: the duty phone villagers call (else the
 * committee's phone from the village's facts).
 */
@Service
public class BoardSettings {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	BoardSettings(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Optional<String> dutyPhone(VillageId villageId) {
		return jdbc.sql("select duty_phone from bulletin_board_setting where village_id = ? and duty_phone is not null")
			.param(villageId.value())
			.query(String.class)
			.optional();
	}

	/**
	 * Sets the duty phone, in its stored form, or clears it when blank.
	 * @throws CaseRuleException ({@code validation.phone}) when it is not a phone number
	 */
	@Transactional
	public void setDutyPhone(VillageId villageId, @Nullable String phone, String actor, Instant now) {
		phone = new CommandChecks(CaseRuleException::new).phone(phone);
		jdbc.sql("""
				insert into bulletin_board_setting (village_id, duty_phone, updated_at, updated_by) values (?, ?, ?, ?)
				on conflict (village_id) do update set duty_phone = excluded.duty_phone,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(villageId.value(), blankToNull(phone), Timestamp.from(now), actor)
			.update();
		events.publishEvent(new BoardChanged(villageId));
	}

}

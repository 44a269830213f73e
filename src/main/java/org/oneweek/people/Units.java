package org.oneweek.people;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oneweek.platform.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * Responsible units: reads and creation.
 */
@Service
public class Units {

	private static final RowMapper<Unit> UNIT = (rs, n) -> new Unit(UnitId.of(rs.getLong("id")), rs.getString("code"),
			rs.getString("name"), rs.getString("contact"), rs.getString("phone"));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Units(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Unit> all() {
		return jdbc.sql("select * from unit order by code").query(UNIT).list();
	}

	@Transactional(readOnly = true)
	public Optional<Unit> unit(UnitId id) {
		return jdbc.sql("select * from unit where id = ?").param(id.value()).query(UNIT).optional();
	}

	/**
	 * @throws DuplicateKeyException when the code is taken
	 */
	@Transactional
	public UnitId create(CreateUnit command, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into unit (code, name, contact, phone) values (?, ?, ?, ?)")
			.params(command.code().strip(), command.name().strip(), blankToNull(command.contact()),
					blankToNull(command.phone()))
			.update(keys, "id");
		UnitId id = UnitId.of(keys.getKeyAs(Long.class));
		audit.record("unit", id, "create", actor, null, Map.of("code", command.code(), "name", command.name()));
		return id;
	}

}

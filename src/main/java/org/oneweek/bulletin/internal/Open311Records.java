package org.oneweek.bulletin.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.FollowUpId;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseId;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.Coordinates;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Open311 requests and comments brought besides the case and the follow-up
 * (coordinates, the address as written, the sender's e-mail and name, the key), and the
 * review of a request's own words before they become its public title.
 */
@Service
public class Open311Records {

	private final JdbcClient jdbc;

	private final CaseActions actions;

	Open311Records(JdbcClient jdbc, CaseActions actions) {
		this.jdbc = jdbc;
		this.actions = actions;
	}

	/** A request as received; {@code at} null when it came without coordinates. */
	public record Request(CaseId caseId, String reference, VillageId villageId, long keyId, String keyName,
			@Nullable Coordinates at, @Nullable String addressString, @Nullable String email,
			@Nullable String firstName, @Nullable String lastName, @Nullable String description, String proposedTitle,
			boolean awaitingReview, Instant receivedAt) {

	}

	@Transactional
	public void record(Request r) {
		jdbc.sql(
				"""
						insert into bulletin_open311_request (case_id, reference, village_id, key_id, key_name, latitude, longitude,
						  address_string, email, first_name, last_name, description, proposed_title, received_at)
						values (:case, :reference, :village, :key, :keyName, :lat, :lon, :address, :email, :first, :last,
						  :description, :title, :at)""")
			.param("case", r.caseId().value())
			.param("reference", r.reference())
			.param("village", r.villageId().value())
			.param("key", r.keyId())
			.param("keyName", r.keyName())
			.param("lat", (r.at() != null) ? r.at().lat() : null, Types.DOUBLE)
			.param("lon", (r.at() != null) ? r.at().lon() : null, Types.DOUBLE)
			.param("address", r.addressString(), Types.VARCHAR)
			.param("email", r.email(), Types.VARCHAR)
			.param("first", r.firstName(), Types.VARCHAR)
			.param("last", r.lastName(), Types.VARCHAR)
			.param("description", r.description(), Types.VARCHAR)
			.param("title", r.proposedTitle())
			.param("at", Timestamp.from(r.receivedAt()))
			.update();
	}

	/** The coordinates requests came with, by case. */
	@Transactional(readOnly = true)
	public Map<CaseId, Coordinates> coordinates(Collection<CaseId> caseIds) {
		Map<CaseId, Coordinates> out = new HashMap<>();
		if (caseIds.isEmpty()) {
			return out;
		}
		jdbc.sql(
				"select case_id, latitude, longitude from bulletin_open311_request where case_id in (:ids) and latitude is not null")
			.param("ids", Ids.values(caseIds))
			.query((rs) -> {
				out.put(CaseId.of(rs.getLong("case_id")),
						new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")));
			});
		return out;
	}

	@Transactional(readOnly = true)
	public Optional<Request> request(String reference) {
		return jdbc.sql("select * from bulletin_open311_request where reference = ?")
			.param(reference)
			.query(Open311Records::map)
			.optional();
	}

	/** The village's requests whose words still wait for a person, oldest first. */
	@Transactional(readOnly = true)
	public List<Request> awaiting(VillageId villageId) {
		return jdbc.sql(
				"select * from bulletin_open311_request where village_id = ? and review = 'AWAITING' order by received_at")
			.param(villageId.value())
			.query(Open311Records::map)
			.list();
	}

	/**
	 * One action: the request's words (or the reviewer's correction of them) become its
	 * public title. The ledger checks that this person may.
	 */
	@Transactional
	public void publish(String reference, @Nullable String correctedTitle, AccountPrincipal me, Instant now) {
		Request r = request(reference).orElseThrow(() -> new org.oneweek.casework.CaseNotFoundException(reference));
		String title = (correctedTitle != null && !correctedTitle.isBlank()) ? correctedTitle.strip()
				: r.proposedTitle();
		actions.publishTitle(reference, title, me, now);
		jdbc.sql("""
				update bulletin_open311_request set review = 'PUBLISHED', reviewed_at = ?, reviewed_by = ?
				where case_id = ?""").params(Timestamp.from(now), me.displayName(), r.caseId().value()).update();
	}

	/** A comment another system posted, as the follow-up it became. */
	@Transactional
	public void comment(FollowUpId followUpId, long keyId, @Nullable String externalId, @Nullable String status,
			@Nullable String firstName, @Nullable String lastName, @Nullable String email, @Nullable Instant updated,
			Instant now) {
		jdbc.sql("""
				insert into bulletin_open311_update (follow_up_id, key_id, external_id, status, first_name, last_name,
				  email, updated_datetime, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(followUpId.value(), keyId, externalId, status, firstName, lastName, email,
					(updated != null) ? Timestamp.from(updated) : null, Timestamp.from(now))
			.update();
	}

	/** The follow-up an earlier post of the same comment became. */
	@Transactional(readOnly = true)
	public Optional<FollowUpId> commentTaken(long keyId, String externalId) {
		return jdbc.sql("select follow_up_id from bulletin_open311_update where key_id = ? and external_id = ?")
			.params(keyId, externalId)
			.query(Long.class)
			.optional()
			.map(FollowUpId::of);
	}

	private static Request map(ResultSet rs, int n) throws SQLException {
		Object lat = rs.getObject("latitude");
		Timestamp received = rs.getTimestamp("received_at");
		return new Request(CaseId.of(rs.getLong("case_id")), rs.getString("reference"),
				VillageId.of(rs.getLong("village_id")), rs.getLong("key_id"), rs.getString("key_name"),
				(lat != null) ? new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")) : null,
				rs.getString("address_string"), rs.getString("email"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("description"), rs.getString("proposed_title"),
				"AWAITING".equals(rs.getString("review")), received.toInstant());
	}

}

package org.oneweek.platform.imports;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps uploaded files between preview and apply in the database (the application holds
 * no state of its own), and applies a batch at most once, all rows or none.
 */
@Service
public class ImportBatches {

	private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {
	};

	private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportBatches(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Reads and checks a file and keeps it for preview.
	 * @throws ImportFileException when the file as a whole cannot be read
	 */
	@Transactional
	public UUID prepare(ImportKind kind, String fileName, byte[] content, String actor) {
		List<Row> rows = TabularFiles.read(fileName, content, kind.columns());
		List<RowError> errors = kind.validate(rows);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into import_batch (id, kind, file_name, created_by, row_count, rows, errors)
				values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
			.params(id, kind.name(), shorten(fileName), actor, rows.size(), json.writeValueAsString(rows),
					json.writeValueAsString(errors))
			.update();
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<ImportBatch> find(UUID id, ImportKind kind) {
		return jdbc.sql("""
				select id, kind, file_name, created_by, created_at, rows, errors, state
				from import_batch where id = ? and kind = ?""")
			.params(id, kind.name())
			.query((rs, n) -> new ImportBatch(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getString("file_name"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
					json.readValue(rs.getString("rows"), ROWS), json.readValue(rs.getString("errors"), ERRORS),
					ImportBatch.State.valueOf(rs.getString("state"))))
			.optional();
	}

	/**
	 * Applies a previewed batch once: the row is locked so a double-submitted form or a
	 * second instance cannot apply it twice, and rows are checked again against the
	 * database as it is now.
	 * @return the number of records created
	 */
	@Transactional
	public int apply(UUID id, ImportKind kind, String actor) {
		String state = jdbc.sql("select state from import_batch where id = ? and kind = ? for update")
			.params(id, kind.name())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ImportRejectedException("import.error.notFound"));
		if (!"PREVIEW".equals(state)) {
			throw new ImportRejectedException("import.error.alreadyDone");
		}
		ImportBatch batch = find(id, kind).orElseThrow();
		if (!batch.errors().isEmpty() || !kind.validate(batch.rows()).isEmpty()) {
			throw new ImportRejectedException("import.error.hasErrors");
		}
		int created = kind.apply(batch.rows(), actor);
		jdbc.sql("update import_batch set state = 'APPLIED', applied_at = ? where id = ?")
			.params(new Timestamp(System.currentTimeMillis()), id)
			.update();
		return created;
	}

	@Transactional
	public void discard(UUID id, ImportKind kind) {
		jdbc.sql("update import_batch set state = 'DISCARDED' where id = ? and kind = ? and state = 'PREVIEW'")
			.params(id, kind.name())
			.update();
	}

	private static String shorten(String fileName) {
		return (fileName.length() > 200) ? fileName.substring(0, 200) : fileName;
	}

}

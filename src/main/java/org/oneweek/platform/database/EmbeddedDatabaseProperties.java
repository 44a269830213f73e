package org.oneweek.platform.database;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server that runs when no datasource is configured.
 *
 * @param dataDirectory where the database files live; survives restarts
 * @param port the port to listen on, 0 for any free port
 * @param ephemeral a throw-away database in a temporary directory (tests)
 */
@ConfigurationProperties("oneweek.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDirectory,
		@DefaultValue("0") int port, @DefaultValue("false") boolean ephemeral, @Nullable String database) {

	public EmbeddedDatabaseProperties {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("oneweek.embedded-db.port must be between 0 and 65535");
		}
		if (database == null || database.isBlank()) {
			database = "oneweek";
		}
	}

}

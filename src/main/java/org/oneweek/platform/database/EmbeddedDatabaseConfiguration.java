package org.oneweek.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL server when no datasource URL is configured, so that one
 * command runs oneweek on a fresh machine. The data source depends on the server, so on
 * shutdown Spring closes the pool (and everything that uses it) before the server stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
		return EmbeddedPostgresServer.start(properties);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgresServer server) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername("postgres");
		config.setPoolName("oneweek-embedded");
		config.setMaximumPoolSize(20);
		// as spring.datasource.hikari.connection-init-sql sets for another server
		config.setConnectionInitSql("set jit = off");
		return new HikariDataSource(config);
	}

}

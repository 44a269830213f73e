package org.oneweek.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL, written with upserts: two requests of one session that set the
 * same attribute at once (a flash message after a form posted twice, several tabs) both
 * succeed, where plain inserts fail the second with a duplicate key after the first
 * request's change was already saved.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessionUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}

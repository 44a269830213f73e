package org.oneweek.platform.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool that Spring Boot configures from {@code spring.datasource.*} gets
 * its connections through a {@link ReconnectingDataSource}, so that it is full again as
 * soon as PostgreSQL is back after a restart (FaultsTest measures it). The embedded
 * server's pool (started with the application, and stopped with it) is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class ReconnectingPoolConfiguration {

	/** How long one of the pool's tries to connect goes on before it fails. */
	static final Duration PATIENCE = Duration.ofMinutes(2);

	@Bean
	static BeanPostProcessor reconnectingPool() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool && !pool.isRunning() && !pool.isClosed()
						&& pool.getDataSource() == null && pool.getDataSourceClassName() == null
						&& pool.getJdbcUrl() != null) {
					pool.setDataSource(
							new ReconnectingDataSource(
									new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(),
											pool.getDataSourceProperties(), pool.getUsername(), pool.getPassword()),
									PATIENCE));
				}
				return bean;
			}
		};
	}

}

package org.oneweek.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

class ReconnectingDataSourceTest {

	private final DataSource target = mock(DataSource.class);

	private final Connection connection = mock(Connection.class);

	@Test
	void aServerThatIsBackSoonIsConnectedTo() throws Exception {
		AtomicInteger tries = new AtomicInteger();
		willAnswer((invocation) -> {
			if (tries.incrementAndGet() == 1) {
				throw new SQLException("Connection refused", "08001");
			}
			if (tries.get() == 2) {
				throw new SQLException("the database system is starting up", "57P03");
			}
			return connection;
		}).given(target).getConnection();
		assertThat(new ReconnectingDataSource(target, Duration.ofSeconds(10)).getConnection()).isSameAs(connection);
		assertThat(tries).hasValue(3);
	}

	@Test
	void aFailureOtherThanConnectingFailsAtOnce() throws Exception {
		AtomicInteger tries = new AtomicInteger();
		willAnswer((invocation) -> {
			tries.incrementAndGet();
			throw new SQLException("password authentication failed", "28P01");
		}).given(target).getConnection("oneweek", "wrong");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(
					() -> new ReconnectingDataSource(target, Duration.ofSeconds(10)).getConnection("oneweek", "wrong"))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
		assertThat(tries).hasValue(1);
	}

	@Test
	void aServerAwayLongerThanThePatienceFails() throws Exception {
		given(target.getConnection()).willThrow(new SQLException("Connection refused", "08001"));
		long began = System.nanoTime();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> new ReconnectingDataSource(target, Duration.ofMillis(600)).getConnection());
		assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void theConfiguredPoolConnectsThroughIt() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
		Object processed = ReconnectingPoolConfiguration.reconnectingPool()
			.postProcessBeforeInitialization(pool, "dataSource");
		assertThat(processed).isSameAs(pool);
		assertThat(pool.getDataSource()).isInstanceOf(ReconnectingDataSource.class);
		pool.close();
	}

}

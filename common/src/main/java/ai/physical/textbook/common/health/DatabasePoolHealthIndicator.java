package ai.physical.textbook.common.health;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The state of the HikariCP pool: down when the pool is closed, otherwise up with its counters (active, idle, total,
 * threads waiting, configured limits) so an operator sees saturation before it turns into timeouts.
 */
final class DatabasePoolHealthIndicator extends AbstractHealthIndicator {

	private final DataSource dataSource;

	DatabasePoolHealthIndicator(DataSource dataSource) {
		super("Database pool health check failed");
		this.dataSource = dataSource;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws SQLException {
		HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
		builder.withDetail("pool", String.valueOf(hikari.getPoolName()))
			.withDetail("maximumPoolSize", hikari.getMaximumPoolSize())
			.withDetail("minimumIdle", hikari.getMinimumIdle())
			.withDetail("connectionTimeoutMs", hikari.getConnectionTimeout())
			.withDetail("idleTimeoutMs", hikari.getIdleTimeout());
		if (hikari.isClosed()) {
			builder.down().withDetail("state", "closed");
			return;
		}
		HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
		if (pool == null) {
			// Hikari starts the pool on the first connection request; the db indicator makes one.
			builder.unknown().withDetail("state", "not started");
			return;
		}
		builder.up()
			.withDetail("state", "running")
			.withDetail("active", pool.getActiveConnections())
			.withDetail("idle", pool.getIdleConnections())
			.withDetail("total", pool.getTotalConnections())
			.withDetail("threadsAwaitingConnection", pool.getThreadsAwaitingConnection());
	}

}

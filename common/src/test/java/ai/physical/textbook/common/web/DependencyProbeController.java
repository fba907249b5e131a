package ai.physical.textbook.common.web;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.physical.textbook.testsupport.FreePorts;

/**
 * Endpoints of the common test app that touch real dependencies, for {@link DependencyUnavailableFilterTests}: Redis
 * (stopped by the test), a PostgreSQL port where nothing listens, and a plain bug.
 */
@RestController
class DependencyProbeController {

	private final StringRedisTemplate redis;

	private final JdbcTemplate nowhere;

	DependencyProbeController(StringRedisTemplate redis) {
		this.redis = redis;
		DriverManagerDataSource unreachable = new DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/textbook?connectTimeout=2", "nobody", "none");
		this.nowhere = new JdbcTemplate(unreachable);
	}

	@GetMapping("/probe/redis")
	String redis() {
		String value = this.redis.opsForValue().get("textbook:probe");
		return (value != null) ? value : "none";
	}

	@GetMapping("/probe/database")
	Integer database() {
		return this.nowhere.queryForObject("SELECT 1", Integer.class);
	}

	@GetMapping("/probe/bug")
	String bug() {
		throw new IllegalStateException("a bug, not an outage");
	}

}

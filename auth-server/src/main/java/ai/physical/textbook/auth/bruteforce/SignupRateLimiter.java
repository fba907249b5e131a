package ai.physical.textbook.auth.bruteforce;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Limits sign-up attempts per client IP ({@code textbook:ratelimit:signup:<ip>}, a fixed window in Redis). Every
 * submitted form counts, valid or not, because the duplicate-email message would otherwise let a script probe
 * which emails have accounts.
 */
@Component
public class SignupRateLimiter {

	static final String PREFIX = "textbook:ratelimit:signup:";

	private static final Logger logger = LoggerFactory.getLogger(SignupRateLimiter.class);

	private final StringRedisTemplate redis;

	private final BruteForceProperties properties;

	SignupRateLimiter(StringRedisTemplate redis, BruteForceProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/** Counts one attempt from this IP; false when the IP is over its limit. */
	public boolean tryAcquire(String ip) {
		if (!this.properties.enabled()) {
			return true;
		}
		String key = PREFIX + ((ip != null) ? ip : "unknown");
		try {
			Long count = this.redis.opsForValue().increment(key);
			if (count != null && count == 1) {
				this.redis.expire(key, this.properties.signupWindow());
			}
			return count == null || count <= this.properties.signupsPerIp();
		}
		catch (DataAccessException ex) {
			logger.warn("Sign-up rate limit skipped, Redis unavailable: {}", ex.getMessage());
			return true;
		}
	}

}

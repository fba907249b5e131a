package ai.physical.textbook.auth.bruteforce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.account.UserAccountRepository;
import ai.physical.textbook.auth.audit.AuthEvent;

/**
 * Failed sign-in attempts per account and per client IP, kept in Redis so every instance sees the same counters.
 *
 * <p>After {@code delayAfter} failures of an account, each further attempt must wait a delay that doubles with every
 * failure (up to {@code maxDelay}); an attempt that comes too early is refused without checking the password and
 * counts as a failure. After {@code lockAfter} failures the account is locked for {@code lockDuration}; after
 * {@code ipLockAfter} failures so is the client IP. A success clears the account's counters (not the IP's: one valid
 * account must not let an attacker reset the counter of an address that guesses others). Every lockout is audited.
 * Counters exist for unknown emails too, so the answers never reveal whether an account exists.
 *
 * <p>Keys ({@code textbook:bruteforce:*}) hold a SHA-256 of the email, never the email itself. If Redis is
 * unreachable the check fails open (sign-in still costs an Argon2 hash) and a warning is logged.
 */
@Component
public class LoginAttempts {

	/** The result of a check before the password is verified. */
	public enum Verdict {

		/** Go on and verify the password. */
		ALLOWED,
		/** Too early after the last failure: refuse without verifying. */
		THROTTLED,
		/** The account or the client IP is locked out. */
		LOCKED

	}

	static final String PREFIX = "textbook:bruteforce:";

	private static final Logger logger = LoggerFactory.getLogger(LoginAttempts.class);

	private final StringRedisTemplate redis;

	private final BruteForceProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LoginAttempts(StringRedisTemplate redis, BruteForceProperties properties, ApplicationEventPublisher events) {
		this.redis = redis;
		this.properties = properties;
		this.events = events;
		this.clock = Clock.systemUTC();
	}

	/** The Redis key prefix of an account's counters (the hash of its normalized email). */
	public static String accountKey(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(UserAccountRepository.normalizeEmail(email).getBytes(StandardCharsets.UTF_8));
			return PREFIX + "account:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The Redis key prefix of a client IP's counters. */
	public static String ipKey(String ip) {
		return PREFIX + "ip:" + ((ip != null) ? ip : "unknown");
	}

	/** Whether an attempt for this email from this IP may verify its password now. */
	public Verdict check(String email, String ip) {
		if (!this.properties.enabled()) {
			return Verdict.ALLOWED;
		}
		try {
			String account = accountKey(email);
			if (Boolean.TRUE.equals(this.redis.hasKey(account + ":locked"))
					|| Boolean.TRUE.equals(this.redis.hasKey(ipKey(ip) + ":locked"))) {
				return Verdict.LOCKED;
			}
			String notBefore = this.redis.opsForValue().get(account + ":notbefore");
			if (notBefore != null && this.clock.millis() < Long.parseLong(notBefore)) {
				return Verdict.THROTTLED;
			}
			return Verdict.ALLOWED;
		}
		catch (DataAccessException ex) {
			logger.warn("Brute-force check skipped, Redis unavailable: {}", ex.getMessage());
			return Verdict.ALLOWED;
		}
	}

	/**
	 * Counts a failed attempt; sets the next delay and locks the account or IP when a threshold is reached.
	 * @return true when this failure locked the account or the IP
	 */
	public boolean recordFailure(String email, String ip, String userAgent) {
		if (!this.properties.enabled()) {
			return false;
		}
		try {
			boolean locked = false;
			String account = accountKey(email);
			long failures = increment(account + ":failures");
			if (failures >= this.properties.lockAfter()) {
				lock(account, email, ip, userAgent, "account_locked");
				locked = true;
			}
			else if (failures >= this.properties.delayAfter()) {
				Duration delay = delay(failures);
				this.redis.opsForValue()
					.set(account + ":notbefore", Long.toString(this.clock.millis() + delay.toMillis()), delay);
			}
			String address = ipKey(ip);
			if (increment(address + ":failures") >= this.properties.ipLockAfter()) {
				lock(address, email, ip, userAgent, "ip_locked");
				locked = true;
			}
			return locked;
		}
		catch (DataAccessException ex) {
			logger.warn("Failed sign-in not counted, Redis unavailable: {}", ex.getMessage());
			return false;
		}
	}

	/** Clears the account's failures, delay and lock after a successful sign-in. */
	public void recordSuccess(String email) {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			String account = accountKey(email);
			this.redis.delete(List.of(account + ":failures", account + ":notbefore", account + ":locked"));
		}
		catch (DataAccessException ex) {
			logger.warn("Sign-in counters not reset, Redis unavailable: {}", ex.getMessage());
		}
	}

	Duration delay(long failures) {
		long exponent = Math.min(failures - this.properties.delayAfter(), 30);
		long millis = this.properties.baseDelay().toMillis() << exponent;
		return Duration.ofMillis(Math.min(Math.max(millis, 1), this.properties.maxDelay().toMillis()));
	}

	private long increment(String key) {
		Long count = this.redis.opsForValue().increment(key);
		if (count != null && count == 1) {
			this.redis.expire(key, this.properties.window());
		}
		return (count != null) ? count : 0;
	}

	private void lock(String key, String email, String ip, String userAgent, String reason) {
		Boolean first = this.redis.opsForValue()
			.setIfAbsent(key + ":locked", Instant.now(this.clock).toString(), this.properties.lockDuration());
		this.redis.delete(List.of(key + ":failures", key + ":notbefore"));
		if (Boolean.TRUE.equals(first)) {
			this.events.publishEvent(new AuthEvent(null, UserAccountRepository.normalizeEmail(email), AuthEvent.LOCKOUT,
					ip, userAgent, false, reason, Instant.now(this.clock)));
		}
	}

}

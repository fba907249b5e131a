package ai.physical.textbook.auth.bruteforce;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the sign-in brute-force protection and the sign-up rate limit ({@code textbook.bruteforce.*}).
 *
 * @param enabled on by default
 * @param delayAfter failures of one account before each further attempt must wait
 * @param baseDelay the first wait; it doubles with every further failure
 * @param maxDelay the longest wait
 * @param lockAfter failures of one account (within {@code window}) that lock it
 * @param ipLockAfter failures from one client IP (within {@code window}) that lock that IP
 * @param window how long failures are remembered
 * @param lockDuration how long a lockout lasts
 * @param signupsPerIp sign-up attempts accepted from one client IP per {@code signupWindow}
 * @param signupWindow the sign-up rate-limit window
 */
@ConfigurationProperties("textbook.bruteforce")
public record BruteForceProperties(Boolean enabled, Integer delayAfter, Duration baseDelay, Duration maxDelay,
		Integer lockAfter, Integer ipLockAfter, Duration window, Duration lockDuration, Integer signupsPerIp,
		Duration signupWindow) {

	public BruteForceProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		delayAfter = (delayAfter != null) ? delayAfter : 3;
		baseDelay = (baseDelay != null) ? baseDelay : Duration.ofSeconds(1);
		maxDelay = (maxDelay != null) ? maxDelay : Duration.ofSeconds(30);
		lockAfter = (lockAfter != null) ? lockAfter : 10;
		ipLockAfter = (ipLockAfter != null) ? ipLockAfter : 50;
		window = (window != null) ? window : Duration.ofMinutes(15);
		lockDuration = (lockDuration != null) ? lockDuration : Duration.ofMinutes(15);
		signupsPerIp = (signupsPerIp != null) ? signupsPerIp : 20;
		signupWindow = (signupWindow != null) ? signupWindow : Duration.ofHours(1);
	}

}

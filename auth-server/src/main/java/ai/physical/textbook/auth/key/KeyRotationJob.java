package ai.physical.textbook.auth.key;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks every minute (on every instance) whether the next signing key must be published.
 */
@Component
class KeyRotationJob {

	private static final Logger logger = LoggerFactory.getLogger(KeyRotationJob.class);

	private final SigningKeys keys;

	KeyRotationJob(SigningKeys keys) {
		this.keys = keys;
	}

	@Scheduled(initialDelayString = "${textbook.keys.rotation-check-ms:60000}",
			fixedDelayString = "${textbook.keys.rotation-check-ms:60000}")
	void rotateIfDue() {
		try {
			this.keys.rotateIfDue();
		}
		catch (RuntimeException ex) {
			// The current key keeps signing; the next run tries again.
			logger.error("Signing key rotation check failed", ex);
		}
	}

}

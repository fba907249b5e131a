package ai.physical.textbook.auth.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the audit writer ({@code textbook.audit.*}).
 *
 * @param queueCapacity events held in memory before publishers write synchronously
 * @param batchSize most events written in one batch
 * @param retryBackoff wait after a failed batch before trying again
 */
@ConfigurationProperties("textbook.audit")
record AuditProperties(Integer queueCapacity, Integer batchSize, Duration retryBackoff) {

	AuditProperties {
		queueCapacity = (queueCapacity != null && queueCapacity > 0) ? queueCapacity : 10_000;
		batchSize = (batchSize != null && batchSize > 0) ? batchSize : 500;
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofSeconds(1);
	}

}

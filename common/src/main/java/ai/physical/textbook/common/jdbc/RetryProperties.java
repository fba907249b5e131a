package ai.physical.textbook.common.jdbc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry of transient database failures ({@code textbook.db.retry.*}; env {@code TEXTBOOK_DB_RETRY_MAX_RETRIES} etc.).
 *
 * @param maxRetries how often a transient failure is retried (default 3)
 * @param initialBackoff delay before the first retry (default 100 ms)
 * @param multiplier growth of the delay per retry (default 2)
 * @param maxBackoff longest delay (default 2 s)
 */
@ConfigurationProperties("textbook.db.retry")
public record RetryProperties(@DefaultValue("3") int maxRetries, @DefaultValue("100ms") Duration initialBackoff,
		@DefaultValue("2.0") double multiplier, @DefaultValue("2s") Duration maxBackoff) {

}

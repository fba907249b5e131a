package ai.physical.textbook.auth.key;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing keys ({@code textbook.keys.*}).
 *
 * @param encryptionKey the key-encryption key: base64 of 32 random bytes (env {@code TEXTBOOK_KEK}); required in
 * production, generated with a warning in local mode
 * @param algorithm {@code RS256} (default: accepted everywhere, fastest to verify) or {@code ES256} (about ten times
 * cheaper to sign here, about 25 times dearer to verify with Java 17's own ECDSA), for keys created from now on
 * @param rotationPeriod how long a key signs before the next one takes over
 * @param prepublish how long the next key is published before it signs, so that every instance and every resource
 * server has fetched it by then (longer than the JWK-set caches: ours and resource servers' 5 minutes)
 * @param retention how long a retired key stays published after it stopped signing: longer than the longest token it
 * signed lives (access tokens 15 minutes, ID tokens 30 minutes)
 * @param cacheRefresh how often an instance reloads the published keys from the database
 */
@ConfigurationProperties("textbook.keys")
public record KeyProperties(String encryptionKey, @DefaultValue("RS256") String algorithm,
		@DefaultValue("30d") Duration rotationPeriod, @DefaultValue("1d") Duration prepublish,
		@DefaultValue("2h") Duration retention, @DefaultValue("30s") Duration cacheRefresh) {

	public KeyProperties {
		if (!"RS256".equals(algorithm) && !"ES256".equals(algorithm)) {
			throw new IllegalArgumentException("textbook.keys.algorithm must be RS256 or ES256, not " + algorithm);
		}
		if (prepublish.compareTo(rotationPeriod) >= 0) {
			throw new IllegalArgumentException("textbook.keys.prepublish must be shorter than the rotation period");
		}
	}

}

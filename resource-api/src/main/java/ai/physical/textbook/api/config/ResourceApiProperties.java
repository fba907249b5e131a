package ai.physical.textbook.api.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of resource-api under the {@code textbook} prefix. Every value has a safe local default and an environment
 * variable override in {@code application.yml}.
 *
 * @param issuer the auth-server's issuer identifier; tokens must carry it as {@code iss}, and the demo reader signs in
 * there
 * @param jwt how access tokens are validated
 * @param redis how Redis outages are detected
 * @param context the personalization context cache
 * @param rls row-level security for user-facing database paths
 * @param authzLog batching of the authorization decision log
 * @param demo the demo reader page
 */
@ConfigurationProperties("textbook")
public record ResourceApiProperties(@DefaultValue("http://localhost:9000") String issuer, @DefaultValue Jwt jwt,
		@DefaultValue Redis redis, @DefaultValue Context context, @DefaultValue Rls rls,
		@DefaultValue AuthzLog authzLog, @DefaultValue Demo demo) {

	/** The JWK set URI: configured, or the Spring authorization server's default path under the issuer. */
	public String jwkSetUri() {
		return (this.jwt.jwkSetUri() != null && !this.jwt.jwkSetUri().isBlank()) ? this.jwt.jwkSetUri()
				: this.issuer + "/oauth2/jwks";
	}

	/**
	 * @param jwkSetUri where the auth-server publishes its keys (default {@code <issuer>/oauth2/jwks})
	 * @param audience the audience every access token must contain
	 * @param algorithms the accepted JWS algorithms; anything else (including {@code none} and HMAC) is rejected
	 * @param jwkCacheTtl how long fetched keys are trusted; the set is fetched again in the background during the
	 * last quarter of this time, so keys the auth-server removed are dropped within it
	 * @param jwkRefreshMinInterval the rate limit of JWK set fetches (at most two per interval: the background refresh
	 * and one for an unknown {@code kid}); an unknown {@code kid} past the limit is simply an unknown key (401)
	 * @param verifiedTokenCacheSize how many verified access tokens are remembered, so that a reader's next requests
	 * with the same token skip the signature and claim checks (expiry and revocation are still checked every time);
	 * about 4 KiB of heap each, 0 turns it off
	 */
	public record Jwt(String jwkSetUri, @DefaultValue("textbook-api") String audience,
			@DefaultValue({ "RS256", "ES256" }) List<String> algorithms, @DefaultValue("5m") Duration jwkCacheTtl,
			@DefaultValue("30s") Duration jwkRefreshMinInterval, @DefaultValue("2048") int verifiedTokenCacheSize) {
	}

	/**
	 * @param slowCallThreshold a Redis call slower than this counts as a failure for the circuit breaker
	 * @param waitInOpenState how long the breaker stays open (serving from PostgreSQL) before it probes Redis again
	 */
	public record Redis(@DefaultValue("250ms") Duration slowCallThreshold,
			@DefaultValue("5s") Duration waitInOpenState) {
	}

	/** @param ttl lifetime of a cached personalization context */
	public record Context(@DefaultValue("1h") Duration ttl) {
	}

	/**
	 * @param enabled run preference reads and writes under the {@code role} with the user's id set, when that role
	 * exists in the database
	 * @param role the database role whose row-level security policies apply
	 */
	public record Rls(@DefaultValue("true") boolean enabled, @DefaultValue("personalization_app") String role) {
	}

	/**
	 * @param batchSize the most decisions written in one statement batch
	 * @param flushInterval the longest a decision waits in memory before it is written
	 * @param queueCapacity decisions held in memory; when full, requests wait rather than drop a decision
	 */
	public record AuthzLog(@DefaultValue("200") int batchSize, @DefaultValue("500ms") Duration flushInterval,
			@DefaultValue("10000") int queueCapacity) {
	}

	/**
	 * @param clientId the public OAuth client the demo reader signs in as
	 * @param scope the scopes it asks for
	 */
	public record Demo(@DefaultValue("textbook-web") String clientId,
			@DefaultValue("openid profile") String scope) {
	}

}

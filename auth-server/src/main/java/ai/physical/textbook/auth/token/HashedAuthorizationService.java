package ai.physical.textbook.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ai.physical.textbook.auth.audit.AuthEvent;
import ai.physical.textbook.auth.token.AuthorizationRepository.AuthorizationRow;
import ai.physical.textbook.auth.token.AuthorizationRepository.Family;
import ai.physical.textbook.auth.token.AuthorizationRepository.Lookup;
import ai.physical.textbook.auth.token.AuthorizationRepository.TokenRow;

/**
 * The authorization service of the server, over {@code identity.oauth2_authorization} and
 * {@code identity.oauth2_authorization_token}: codes, states, refresh, access, ID and device tokens are stored only
 * as SHA-256 hashes, and every lookup by token is one primary-key lookup on that hash, whatever the type (the stock
 * JDBC service ORs six columns).
 *
 * <p>Refresh tokens rotate on every use (the client setting {@code reuseRefreshTokens=false}); the replaced one
 * stays as a superseded row, and presenting it again revokes the whole family (every token of the authorization),
 * denylists its live access tokens and publishes an {@link AuthEvent#REFRESH_TOKEN_REUSE} audit event.
 */
final class HashedAuthorizationService implements OAuth2AuthorizationService {

	private static final Logger logger = LoggerFactory.getLogger(HashedAuthorizationService.class);

	private final AuthorizationRepository repository;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final AuthorizationCodec codec = new AuthorizationCodec();

	private final Clock clock;

	HashedAuthorizationService(AuthorizationRepository repository, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Instant now = this.clock.instant();
		List<TokenRow> tokens = this.codec.tokenRows(authorization, now);
		AuthorizationRow row = this.codec.authorizationRow(authorization, tokens, now);
		if (!revokesAccessToken(authorization)) {
			// Issuing and rotating: one statement, atomic by itself, so no BEGIN and COMMIT round trips.
			this.repository.save(row, tokens);
			return;
		}
		// Revoking: the denylist rows are written in the same transaction as the invalidation.
		this.transactions.executeWithoutResult((status) -> {
			this.repository.save(row, tokens);
			publishRevokedAccessTokens(authorization, now);
		});
	}

	private static boolean revokesAccessToken(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
		return accessToken != null && accessToken.isInvalidated();
	}

	/**
	 * An invalidated access token must also stop working at resource servers, which validate JWTs offline: its jti is
	 * denylisted. When the refresh token (or the whole grant) is invalidated, every live access token of the family is.
	 */
	private void publishRevokedAccessTokens(OAuth2Authorization authorization, Instant now) {
		OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
		boolean wholeFamily = authorization.getRefreshToken() == null || authorization.getRefreshToken().isInvalidated();
		List<RevokedAccessToken> live;
		if (wholeFamily) {
			live = this.repository.liveAccessTokens(authorization.getId());
		}
		else {
			Object jti = (accessToken.getClaims() != null) ? accessToken.getClaims().get("jti") : null;
			Instant expiresAt = accessToken.getToken().getExpiresAt();
			live = (jti != null && expiresAt != null && expiresAt.isAfter(now))
					? List.of(new RevokedAccessToken(jti.toString(), expiresAt)) : List.of();
		}
		if (!live.isEmpty()) {
			this.events.publishEvent(new TokensRevoked(authorization.getPrincipalName(), live, "revoked"));
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.repository.delete(authorization.getId());
	}

	@Override
	public OAuth2Authorization findById(String id) {
		Family family = this.repository.findById(id);
		return (family != null) ? this.codec.toAuthorization(family, null, null) : null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		if (token == null || token.isEmpty() || token.startsWith(AuthorizationCodec.PLACEHOLDER)) {
			return null;
		}
		String hash = TokenHashes.hash(token);
		Lookup lookup = this.repository.findByTokenHash(hash);
		if (lookup == null) {
			return null;
		}
		if (tokenType != null && !AuthorizationCodec.typeName(tokenType.getValue()).equals(lookup.matchedType())) {
			return null;
		}
		if (lookup.matchedSuperseded()) {
			if (AuthorizationCodec.REFRESH_TOKEN.equals(lookup.matchedType())) {
				refreshTokenReused(lookup);
			}
			return null;
		}
		return this.codec.toAuthorization(lookup.family(), hash, token);
	}

	private void refreshTokenReused(Lookup lookup) {
		String authorizationId = lookup.authorization().id();
		String principal = lookup.authorization().principalName();
		logger.warn("Refresh token reused for authorization {} of {}: revoking the whole family", authorizationId,
				principal);
		revokeFamily(authorizationId, AuthEvent.REFRESH_TOKEN_REUSE);
		HttpServletRequest request = currentRequest();
		this.events.publishEvent(new AuthEvent(userId(principal), null, AuthEvent.REFRESH_TOKEN_REUSE,
				(request != null) ? request.getRemoteAddr() : null,
				(request != null) ? request.getHeader("User-Agent") : null, false,
				"A rotated refresh token was presented again; all tokens of the grant were revoked",
				this.clock.instant()));
	}

	/**
	 * Revokes every token of one authorization and denylists its live access tokens.
	 */
	void revokeFamily(String authorizationId, String reason) {
		this.transactions.executeWithoutResult((status) -> {
			String principal = this.repository.principalOf(authorizationId);
			List<RevokedAccessToken> live = this.repository.revokeFamily(authorizationId);
			if (principal != null) {
				this.events.publishEvent(new TokensRevoked(principal, live, reason));
			}
		});
	}

	/**
	 * Revokes every authorization of a principal (optionally of one client only).
	 * @return how many authorizations were revoked
	 */
	int revokeAll(String principalName, String registeredClientId, String reason) {
		List<String> ids = this.repository.findIdsByPrincipal(principalName, registeredClientId);
		ids.forEach((id) -> revokeFamily(id, reason));
		return ids.size();
	}

	static UUID userId(String principalName) {
		try {
			return UUID.fromString(principalName);
		}
		catch (IllegalArgumentException ex) {
			return null; // a client id (client_credentials)
		}
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}

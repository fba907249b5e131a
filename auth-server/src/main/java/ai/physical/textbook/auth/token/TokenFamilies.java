package ai.physical.textbook.auth.token;

import java.util.UUID;

import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.token.AuthorizationRepository.Lookup;

/**
 * Revokes token families (authorizations) from outside the protocol endpoints: sign out everywhere, RP-initiated
 * logout. Revoking a family invalidates its codes, refresh, access and ID tokens and publishes {@link TokensRevoked}
 * with its live access tokens, which the revocation feature denylists.
 */
@Component
public class TokenFamilies {

	private final HashedAuthorizationService authorizations;

	private final AuthorizationRepository repository;

	TokenFamilies(HashedAuthorizationService authorizations, AuthorizationRepository repository) {
		this.authorizations = authorizations;
		this.repository = repository;
	}

	/**
	 * Revokes every authorization of a user, with every client.
	 * @param userId the user
	 * @param reason recorded with the denylisted tokens, e.g. {@code sign_out_everywhere}
	 * @return how many authorizations were revoked
	 */
	public int revokeAllOfUser(UUID userId, String reason) {
		return this.authorizations.revokeAll(userId.toString(), null, reason);
	}

	/**
	 * Revokes every authorization a user gave one client (the account page's "Disconnect").
	 * @param userId the user
	 * @param registeredClientId the client's registration id (not its client_id)
	 * @param reason recorded with the denylisted tokens, e.g. {@code app_disconnected}
	 * @return how many authorizations were revoked
	 */
	public int revokeAllOfUserForClient(UUID userId, String registeredClientId, String reason) {
		return this.authorizations.revokeAll(userId.toString(), registeredClientId, reason);
	}

	/**
	 * Revokes the family a token belongs to (any token type: refresh, access, ID token, code).
	 * @param rawToken the token value as the client holds it
	 * @param reason recorded with the denylisted tokens, e.g. {@code logout}
	 * @return whether a family was found
	 */
	public boolean revokeFamilyOf(String rawToken, String reason) {
		Lookup lookup = this.repository.findByTokenHash(TokenHashes.hash(rawToken));
		if (lookup == null) {
			return false;
		}
		this.authorizations.revokeFamily(lookup.authorization().id(), reason);
		return true;
	}

}

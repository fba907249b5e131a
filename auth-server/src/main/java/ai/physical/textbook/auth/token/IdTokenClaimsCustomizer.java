package ai.physical.textbook.auth.token;

import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * ID tokens carry the profile claims when the {@code profile} scope was granted, and {@code email} with the
 * {@code email} scope.
 */
@Component
@Order(2)
final class IdTokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final ProfileClaims profileClaims;

	IdTokenClaimsCustomizer(ProfileClaims profileClaims) {
		this.profileClaims = profileClaims;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		boolean profile = context.getAuthorizedScopes().contains(OidcScopes.PROFILE);
		boolean email = context.getAuthorizedScopes().contains(OidcScopes.EMAIL);
		if (!profile && !email) {
			return;
		}
		this.profileClaims.forPrincipal(context.getPrincipal().getName()).ifPresent((claims) -> {
			if (profile) {
				context.getClaims().claims((all) -> all.putAll(claims));
			}
			else {
				context.getClaims().claim(ProfileClaims.EMAIL, claims.get(ProfileClaims.EMAIL));
			}
		});
	}

}

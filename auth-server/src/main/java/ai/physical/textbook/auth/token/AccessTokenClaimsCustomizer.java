package ai.physical.textbook.auth.token;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Access tokens as RFC 9068 JWTs: header {@code typ: at+jwt}, {@code aud} with the API audience and the client id,
 * {@code client_id}, and for users the profile claims as they are now.
 */
@Component
@Order(1)
final class AccessTokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/** The audience of the resource API; resource-api accepts only tokens naming it. */
	static final String API_AUDIENCE = "textbook-api";

	private final ProfileClaims profileClaims;

	AccessTokenClaimsCustomizer(ProfileClaims profileClaims) {
		this.profileClaims = profileClaims;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		String clientId = context.getRegisteredClient().getClientId();
		context.getJwsHeader().type("at+jwt");
		List<String> audience = new ArrayList<>(List.of(API_AUDIENCE));
		if (!audience.contains(clientId)) {
			audience.add(clientId);
		}
		context.getClaims().audience(audience).claim("client_id", clientId);
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return;
		}
		this.profileClaims.forPrincipal(context.getPrincipal().getName())
			.ifPresent((claims) -> context.getClaims().claims((all) -> all.putAll(claims)));
	}

}

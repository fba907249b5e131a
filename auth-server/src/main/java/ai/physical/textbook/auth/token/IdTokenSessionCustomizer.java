package ai.physical.textbook.auth.token;

import java.util.Date;

import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * ID tokens of the authorization code grant carry {@code sid} and {@code auth_time} from the {@link SignInSession}
 * stored with the grant: the browser session that authorized the code (no session lookup here). Spring's
 * {@code JwtGenerator} copies both from the previous ID token at every refresh, so they stay those of the sign-in. A
 * grant whose authentication has no sign-in details (authorized before they existed) gives neither claim.
 */
@Component
@Order(0)
final class IdTokenSessionCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String SID = "sid";

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
				|| !AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
			return;
		}
		SignInSession.of(context.getPrincipal())
			.ifPresent((session) -> context.getClaims()
				.claim(SID, session.sid())
				// A Date, as Spring's own generator puts it: serialized as seconds since the epoch.
				.claim(IdTokenClaimNames.AUTH_TIME, Date.from(session.authenticatedAt())));
	}

}

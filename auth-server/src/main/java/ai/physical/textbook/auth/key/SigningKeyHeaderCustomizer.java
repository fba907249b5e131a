package ai.physical.textbook.auth.key;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Names the current signing key in the JWS header of every token ({@code kid} and {@code alg}). Several keys are
 * published at once (the next one and the retired ones), so the encoder must be told which one signs. ID tokens get
 * the RS256 key whatever signs access tokens ({@link SigningKeys}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
final class SigningKeyHeaderCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SigningKeys keys;

	SigningKeyHeaderCustomizer(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		SigningKeys.SigningKey key = idToken ? this.keys.currentForIdTokens() : this.keys.current();
		context.getJwsHeader().keyId(key.kid()).algorithm(SignatureAlgorithm.from(key.algorithm()));
	}

}

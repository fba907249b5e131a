package ai.physical.textbook.auth.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.key.SigningKeys;

/**
 * Access tokens signed with the server's own keys, shaped like the ones the authorization server issues
 * (docs/architecture.md), for the JSON API tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Tokens {

	private final NimbusJwtEncoder encoder;

	private final SigningKeys keys;

	private final String issuer;

	Tokens(SigningKeys keys, @Value("${textbook.issuer}") String issuer) {
		this.encoder = new NimbusJwtEncoder(keys);
		this.keys = keys;
		this.issuer = issuer;
	}

	public String accessToken(AccountUser user) {
		return token(user.id().toString(), user.roles(), this.issuer, Instant.now().plusSeconds(900));
	}

	public String token(String subject, List<String> roles, String issuer, Instant expiresAt) {
		// The JWK set also publishes the next and retired keys: sign with the current one, as the server does.
		SigningKeys.SigningKey current = this.keys.current();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.from(current.algorithm()))
			.keyId(current.kid())
			.type("at+jwt")
			.build();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(issuer)
			.subject(subject)
			.audience(List.of("textbook-api", "test-client"))
			.claim("client_id", "test-client")
			.claim("scope", "openid profile")
			.claim("roles", roles)
			.id(UUID.randomUUID().toString())
			.issuedAt(expiresAt.minusSeconds(900))
			.notBefore(expiresAt.minusSeconds(900))
			.expiresAt(expiresAt)
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	public String issuer() {
		return this.issuer;
	}

}

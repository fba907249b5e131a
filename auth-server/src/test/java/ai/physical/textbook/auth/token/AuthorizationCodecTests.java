package ai.physical.textbook.auth.token;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import ai.physical.textbook.auth.token.AuthorizationRepository.AuthorizationRow;
import ai.physical.textbook.auth.token.AuthorizationRepository.Family;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The principal stored with a grant keeps the sign-in's {@code sid} and time through the database round trip: the
 * code exchange (maybe on another instance, maybe after the consent step re-read the grant) reads them from there.
 */
class AuthorizationCodecTests {

	private final AuthorizationCodec codec = new AuthorizationCodec();

	@Test
	void whenPrincipalHasSignInDetailsThenSidAndAuthTimeSurviveTheRoundTrip() {
		Instant signedInAt = Instant.parse("2026-01-02T03:04:05.678Z");
		UsernamePasswordAuthenticationToken principal = UsernamePasswordAuthenticationToken.authenticated("user-1",
				null, AuthorityUtils.createAuthorityList("ROLE_user"));
		principal.setDetails(new SignInSession("the-sid", signedInAt));

		Authentication restored = roundTrip(principal);

		assertThat(restored.getName()).isEqualTo("user-1");
		assertThat(AuthorityUtils.authorityListToSet(restored.getAuthorities())).containsExactly("ROLE_user");
		SignInSession signIn = SignInSession.of(restored).orElseThrow();
		assertThat(signIn.sid()).isEqualTo("the-sid");
		assertThat(signIn.authenticatedAt()).as("seconds are what auth_time carries")
			.isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
	}

	@Test
	void whenPrincipalHasNoSignInDetailsThenNoneAreInvented() {
		UsernamePasswordAuthenticationToken principal = UsernamePasswordAuthenticationToken.authenticated("user-2",
				null, AuthorityUtils.createAuthorityList("ROLE_user"));

		Authentication restored = roundTrip(principal);

		assertThat(restored.getName()).isEqualTo("user-2");
		assertThat(SignInSession.of(restored)).isEmpty();
	}

	private Authentication roundTrip(Authentication principal) {
		OAuth2Authorization read = this.codec.toAuthorization(new Family(row(principal), List.of()), null, null);
		return read.getAttribute(Principal.class.getName());
	}

	private AuthorizationRow row(Authentication principal) {
		RegisteredClient client = RegisteredClient.withId("client-id")
			.clientId("textbook-web")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost:8081/")
			.build();
		OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client)
			.id("authorization-id")
			.principalName(principal.getName())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(Principal.class.getName(), principal)
			.build();
		return this.codec.authorizationRow(authorization, List.of(), Instant.now());
	}

}

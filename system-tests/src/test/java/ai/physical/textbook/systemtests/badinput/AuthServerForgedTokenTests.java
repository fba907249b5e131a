package ai.physical.textbook.systemtests.badinput;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ai.physical.textbook.systemtests.support.Answers;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.JwtForge;
import ai.physical.textbook.systemtests.support.OAuthFlows;
import ai.physical.textbook.systemtests.support.Paths;
import ai.physical.textbook.systemtests.support.SystemStack;
import ai.physical.textbook.systemtests.support.TestClients;
import ai.physical.textbook.systemtests.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth-server's own bearer-token endpoints ({@code /userinfo}, {@code /api/profile/{userId}}) against forged
 * tokens made only from public information: {@code alg: none}, HS256 keyed with each published RSA key, a foreign
 * {@code kid}, a real token with a rewritten payload (another user, the admin role), truncated tokens.
 */
@Tag("awaiting-feature")
class AuthServerForgedTokenTests {

	private final String baseUrl = SystemStack.get().authServer().baseUrl();

	private List<String> forgeries(String victimUserId) {
		Http http = Http.api(this.baseUrl);
		String jwks = http.get("/oauth2/jwks").body();
		HttpResponse<String> issued = new OAuthFlows(this.baseUrl).clientCredentials(TestClients.SERVICE_CLIENT_ID,
				TestClients.SERVICE_CLIENT_SECRET, null);
		assertThat(issued.statusCode()).as(Answers.describe(issued)).isEqualTo(200);
		String real = OAuthFlows.tokens(issued.body()).accessToken();
		String realKid;
		try {
			realKid = com.nimbusds.jwt.SignedJWT.parse(real).getHeader().getKeyID();
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
		JWTClaimsSet victim = new JWTClaimsSet.Builder(Tokens.claims(real)).subject(victimUserId)
			.claim("roles", List.of("user", "admin"))
			.claim("scope", "openid profile email")
			.expirationTime(Date.from(Instant.now().plusSeconds(600)))
			.build();
		List<String> tokens = new ArrayList<>();
		tokens.add(JwtForge.algNone(victim, realKid));
		tokens.addAll(JwtForge.hs256WithPublishedKeys(jwks, victim));
		tokens.add(new JwtForge(Tokens.claims(real).getIssuer()).sign(victim));
		tokens.add(JwtForge.withPayload(real, victim));
		tokens.add(real.substring(0, real.length() - 12));
		tokens.add(real.substring(0, real.lastIndexOf('.')));
		return tokens;
	}

	@Test
	void whenForgedTokensCallTheProfileApiThen401AndNothingChanges() {
		String victim = UUID.randomUUID().toString();
		Map<String, Long> before = SystemStack.get().database().dataRowCounts();
		Http http = Http.api(this.baseUrl);
		for (String token : forgeries(victim)) {
			HttpResponse<String> read = http.get(Paths.PROFILE_API + victim, "Authorization", "Bearer " + token,
					"Accept", "application/json");
			Answers.assertProblem(read, 401);
			HttpResponse<String> write = http.sendBytes("PUT", Paths.PROFILE_API + victim, "application/json",
					"{\"softwareBackground\":{\"programmingLanguages\":[\"Python\"]}}".getBytes(),
					"Authorization", "Bearer " + token, "Accept", "application/json");
			Answers.assertProblem(write, 401);
		}
		assertThat(SystemStack.get().database().dataRowCounts()).isEqualTo(before);
	}

	@Test
	void whenForgedTokensCallUserinfoThen401() {
		Http http = Http.api(this.baseUrl);
		for (String token : forgeries(UUID.randomUUID().toString())) {
			HttpResponse<String> response = http.get("/userinfo", "Authorization", "Bearer " + token);
			assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(401);
			Answers.assertNoLeak(response);
		}
	}

}

package ai.physical.textbook.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

	@Test
	void whenTokenResponseThenTokensAreRead() {
		Tokens tokens = Tokens.from("""
				{"access_token":"a.b.c","refresh_token":"r-1","scope":"openid","id_token":"i.d.t","token_type":"Bearer",
				 "expires_in":899}""");

		assertThat(tokens).isEqualTo(new Tokens("a.b.c", "r-1", "i.d.t"));
	}

	@Test
	void whenTokenIsLongThenItIsReadWhole() {
		String token = "a".repeat(200_000) + "\\\"b";

		assertThat(Json.string("{\"access_token\":\"" + token + "\"}", "access_token")).isEqualTo(token);
	}

	@Test
	void whenMemberMissingThenNull() {
		assertThat(Json.string("{\"access_token\":\"x\"}", "refresh_token")).isNull();
		assertThat(Json.bool("{\"active\": false}", "active")).isFalse();
	}

	@Test
	void whenJwtThenSubjectIsReadFromPayload() {
		String payload = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"sub\":\"4b7d\",\"iss\":\"x\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(LoadCommand.subject("h." + payload + ".s")).isEqualTo("4b7d");
	}

	@Test
	void whenRedirectQueryThenDecoded() {
		assertThat(BrowserSignIn.query("code=a%2Bb&state=s%20t")).containsEntry("code", "a+b").containsEntry("state", "s t");
	}

}

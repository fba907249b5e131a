package ai.physical.textbook.bench.load;

/**
 * What a token response carried.
 */
record Tokens(String accessToken, String refreshToken, String idToken) {

	static Tokens from(String json) {
		return new Tokens(Json.string(json, "access_token"), Json.string(json, "refresh_token"),
				Json.string(json, "id_token"));
	}

}

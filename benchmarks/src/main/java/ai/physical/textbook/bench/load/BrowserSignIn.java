package ai.physical.textbook.bench.load;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The full browser sign-in of a public client, hop by hop as a browser makes it: {@code /oauth2/authorize} with PKCE,
 * redirect to the sign-in page, the form posted with its CSRF token, consent when asked, the redirect back with the
 * code, and the code exchanged for tokens with the verifier.
 */
final class BrowserSignIn {

	private static final int MAX_HOPS = 12;

	/** What a browser sends when it navigates: the server answers with pages and redirects, not 401s. */
	private static final String[] NAVIGATION = { "Accept",
			"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

	private final String authBase;

	private final String clientId;

	private final String redirectUri;

	private final String scope;

	BrowserSignIn(String authBase, String clientId, String redirectUri, String scope) {
		this.authBase = authBase;
		this.clientId = clientId;
		this.redirectUri = redirectUri;
		this.scope = scope;
	}

	Tokens signIn(Http http, String email, String password) throws IOException, InterruptedException, FlowException {
		http.clearCookies();
		Pkce pkce = Pkce.create();
		String state = UUID.randomUUID().toString();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", this.clientId);
		query.put("redirect_uri", this.redirectUri);
		query.put("scope", this.scope);
		query.put("state", state);
		query.put("nonce", UUID.randomUUID().toString());
		query.put("code_challenge", pkce.challenge());
		query.put("code_challenge_method", "S256");
		Http.Response response = http.get(this.authBase + "/oauth2/authorize?" + Http.form(query), NAVIGATION);
		boolean signedIn = false;
		for (int hop = 0; hop < MAX_HOPS; hop++) {
			if (response.redirect()) {
				String location = response.absoluteLocation();
				if (location.startsWith(this.redirectUri)) {
					return exchange(http, location, state, pkce);
				}
				response = http.get(location, NAVIGATION);
				continue;
			}
			if (response.status() != 200) {
				throw new FlowException("authorize hop " + hop, response);
			}
			// The sign-in form (the one with a password), else the consent form; never, say, a sign-out form.
			List<Html.Form> forms = Html.forms(response.body());
			Html.Form form = forms.stream().filter((f) -> f.value("password") != null).findFirst()
				.orElse(forms.stream().filter((f) -> f.action() != null && f.action().contains("authorize")).findFirst()
					.orElse(null));
			if (form == null) {
				throw new FlowException("page without form at " + response.uri(), response);
			}
			String action = response.uri().resolve(form.action() == null ? "" : form.action()).toString();
			if (form.value("password") != null) {
				if (signedIn) {
					throw new FlowException("sign-in rejected for " + email, response);
				}
				response = http.send("POST", action, "application/x-www-form-urlencoded",
						form.encoded(Map.of("email", email, "password", password)), NAVIGATION);
				signedIn = true;
			}
			else {
				// Consent: every requested scope ticked, as a reader who agrees.
				response = http.send("POST", action, "application/x-www-form-urlencoded", form.encoded(Map.of()),
						NAVIGATION);
			}
		}
		throw new FlowException("no code after " + MAX_HOPS + " hops, last " + response.uri());
	}

	private Tokens exchange(Http http, String location, String state, Pkce pkce)
			throws IOException, InterruptedException, FlowException {
		Map<String, String> params = query(URI.create(location).getRawQuery());
		if (!state.equals(params.get("state"))) {
			throw new FlowException("state mismatch in " + location);
		}
		String code = params.get("code");
		if (code == null) {
			throw new FlowException("no code in " + location);
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", this.redirectUri);
		form.put("client_id", this.clientId);
		form.put("code_verifier", pkce.verifier());
		Http.Response response = http.postForm(this.authBase + "/oauth2/token", form);
		if (response.status() != 200) {
			throw new FlowException("token exchange", response);
		}
		Tokens tokens = Tokens.from(response.body());
		if (tokens.accessToken() == null) {
			throw new FlowException("token exchange without access_token", response);
		}
		return tokens;
	}

	static Map<String, String> query(String rawQuery) {
		Map<String, String> params = new LinkedHashMap<>();
		if (rawQuery == null) {
			return params;
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			String key = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : pair.substring(eq + 1);
			params.put(java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8),
					java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
		}
		return params;
	}

}

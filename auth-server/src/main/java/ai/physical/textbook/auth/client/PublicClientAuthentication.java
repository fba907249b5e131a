package ai.physical.textbook.auth.client;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Client authentication for public clients (method {@code none}) where Spring's own support stops: the refresh-token
 * and device-code grants, the device authorization request and token revocation. The stock converter only accepts a
 * public client on a PKCE code exchange, which would leave browser apps without (rotated) refresh tokens and devices
 * without the device flow. Confidential clients are untouched: any request carrying a secret, an assertion or an
 * {@code Authorization} header is left to the stock converters.
 */
public final class PublicClientAuthentication {

	static final String MARKER = "textbook.public_client";

	private static final Set<String> GRANTS = Set.of(AuthorizationGrantType.REFRESH_TOKEN.getValue(),
			AuthorizationGrantType.DEVICE_CODE.getValue());

	private PublicClientAuthentication() {
	}

	/**
	 * @param deviceAuthorizationEndpoint path of the device authorization endpoint
	 * @param revocationEndpoint path of the revocation endpoint
	 * @return the converter to put in front of the stock client authentication converters
	 */
	public static AuthenticationConverter converter(String deviceAuthorizationEndpoint, String revocationEndpoint) {
		return (request) -> convert(request, deviceAuthorizationEndpoint, revocationEndpoint);
	}

	/**
	 * @param clients the registered clients
	 * @return the provider authenticating what {@link #converter} produced
	 */
	public static AuthenticationProvider provider(RegisteredClientRepository clients) {
		return new Provider(clients);
	}

	private static Authentication convert(HttpServletRequest request, String deviceAuthorizationEndpoint,
			String revocationEndpoint) {
		if (!"POST".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return null;
		}
		Map<String, String[]> parameters = request.getParameterMap();
		if (parameters.containsKey(OAuth2ParameterNames.CLIENT_SECRET)
				|| parameters.containsKey(OAuth2ParameterNames.CLIENT_ASSERTION)
				|| parameters.containsKey(PkceParameterNames.CODE_VERIFIER)) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String[] grantType = parameters.get(OAuth2ParameterNames.GRANT_TYPE);
		boolean eligible = path.equals(deviceAuthorizationEndpoint) || path.equals(revocationEndpoint)
				|| (grantType != null && grantType.length == 1 && GRANTS.contains(grantType[0]));
		if (!eligible) {
			return null;
		}
		String[] clientId = parameters.get(OAuth2ParameterNames.CLIENT_ID);
		if (clientId == null || clientId.length != 1 || clientId[0].isBlank()) {
			return null;
		}
		return new OAuth2ClientAuthenticationToken(clientId[0], ClientAuthenticationMethod.NONE, null,
				Map.of(MARKER, true));
	}

	private record Provider(RegisteredClientRepository clients) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
			if (!ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod())
					|| !Boolean.TRUE.equals(client.getAdditionalParameters().get(MARKER))) {
				return null;
			}
			RegisteredClient registeredClient = this.clients.findByClientId(String.valueOf(client.getPrincipal()));
			if (registeredClient == null
					|| !registeredClient.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
						"Client authentication failed: client_id", null));
			}
			return new OAuth2ClientAuthenticationToken(registeredClient, ClientAuthenticationMethod.NONE, null);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}

package ai.physical.textbook.auth.token;

import java.net.URL;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.StringUtils;

import ai.physical.textbook.auth.token.AuthorizationRepository.AuthorizationRow;
import ai.physical.textbook.auth.token.AuthorizationRepository.Family;
import ai.physical.textbook.auth.token.AuthorizationRepository.TokenRow;

/**
 * Converts an {@link OAuth2Authorization} to rows and back. Token values never reach a row: only their hashes. A
 * token read back from the database carries the raw value only when it is the one that was presented; the others
 * carry a placeholder made of their hash, which {@link #hashOf(String)} recognizes when the authorization is saved
 * again. The principal is kept as its name and authorities, plus the {@link SignInSession} of a browser sign-in (no
 * password hash, no Java serialization).
 */
final class AuthorizationCodec {

	static final String PLACEHOLDER = "#sha256:";

	static final String STATE = "state";

	static final String AUTHORIZATION_CODE = "authorization_code";

	static final String ACCESS_TOKEN = "access_token";

	static final String REFRESH_TOKEN = "refresh_token";

	static final String ID_TOKEN = "id_token";

	static final String DEVICE_CODE = "device_code";

	static final String USER_CODE = "user_code";

	private static final Logger logger = LoggerFactory.getLogger(AuthorizationCodec.class);

	private static final List<Class<? extends OAuth2Token>> TOKEN_CLASSES = List.of(OAuth2AuthorizationCode.class,
			OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class, OAuth2DeviceCode.class,
			OAuth2UserCode.class);

	private static final String ACCESS_TOKEN_TYPE = "textbook.access_token_type";

	private static final String ACCESS_TOKEN_SCOPES = "textbook.access_token_scopes";

	private static final String SIGN_IN_SID = "sid";

	private static final String SIGN_IN_TIME = "authTime";

	private static final Set<String> TIME_CLAIMS = Set.of("iat", "exp", "nbf");

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	static String hashOf(String tokenValue) {
		return tokenValue.startsWith(PLACEHOLDER) ? tokenValue.substring(PLACEHOLDER.length())
				: TokenHashes.hash(tokenValue);
	}

	/** The database name of a token type as Spring names it ({@code code}, {@code access_token}, ...). */
	static String typeName(String oauth2TokenType) {
		return OAuth2ParameterNames.CODE.equals(oauth2TokenType) ? AUTHORIZATION_CODE : oauth2TokenType;
	}

	// ---- to rows

	AuthorizationRow authorizationRow(OAuth2Authorization authorization, List<TokenRow> tokens, Instant now) {
		Instant expiresAt = tokens.stream()
			.map(TokenRow::expiresAt)
			.filter((instant) -> instant != null)
			.max(Instant::compareTo)
			.orElse(now.plusSeconds(3600));
		return new AuthorizationRow(authorization.getId(), authorization.getRegisteredClientId(),
				authorization.getPrincipalName(), authorization.getAuthorizationGrantType().getValue(),
				String.join(" ", authorization.getAuthorizedScopes()), attributesJson(authorization), expiresAt);
	}

	List<TokenRow> tokenRows(OAuth2Authorization authorization, Instant now) {
		List<TokenRow> rows = new ArrayList<>();
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (StringUtils.hasText(state)) {
			rows.add(new TokenRow(hashOf(state), STATE, now, null, false, null, null, "{}"));
		}
		for (Class<? extends OAuth2Token> type : TOKEN_CLASSES) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
			if (token != null) {
				rows.add(tokenRow(token));
			}
		}
		return rows;
	}

	private TokenRow tokenRow(OAuth2Authorization.Token<? extends OAuth2Token> token) {
		OAuth2Token value = token.getToken();
		Map<String, Object> metadata = new LinkedHashMap<>(token.getMetadata());
		metadata.remove(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME);
		metadata.remove(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
		if (value instanceof OAuth2AccessToken accessToken) {
			metadata.put(ACCESS_TOKEN_TYPE, accessToken.getTokenType().getValue());
			metadata.put(ACCESS_TOKEN_SCOPES, List.copyOf(accessToken.getScopes()));
		}
		Map<String, Object> claims = token.getClaims();
		String jti = (claims != null && claims.get("jti") != null) ? claims.get("jti").toString() : null;
		return new TokenRow(hashOf(value.getTokenValue()), typeOf(value), value.getIssuedAt(), value.getExpiresAt(),
				token.isInvalidated(), jti, (claims != null) ? this.json.writeValueAsString(plain(claims)) : null,
				this.json.writeValueAsString(plain(metadata)));
	}

	private static String typeOf(OAuth2Token token) {
		if (token instanceof OAuth2AuthorizationCode) {
			return AUTHORIZATION_CODE;
		}
		if (token instanceof OAuth2AccessToken) {
			return ACCESS_TOKEN;
		}
		if (token instanceof OAuth2RefreshToken) {
			return REFRESH_TOKEN;
		}
		if (token instanceof OidcIdToken) {
			return ID_TOKEN;
		}
		if (token instanceof OAuth2DeviceCode) {
			return DEVICE_CODE;
		}
		if (token instanceof OAuth2UserCode) {
			return USER_CODE;
		}
		throw new IllegalArgumentException("Unsupported token type " + token.getClass().getName());
	}

	private String attributesJson(OAuth2Authorization authorization) {
		Map<String, Object> out = new LinkedHashMap<>();
		authorization.getAttributes().forEach((name, value) -> {
			if (OAuth2ParameterNames.STATE.equals(name)) {
				return; // stored as a hash in the token table
			}
			if (value instanceof OAuth2AuthorizationRequest request) {
				out.put("authorizationRequest", authorizationRequest(request));
			}
			else if (value instanceof Authentication principal && Principal.class.getName().equals(name)) {
				out.put("principal", principal(principal));
			}
			else if (value instanceof Collection<?> collection) {
				out.put(name, Map.of("set", collection.stream().map(String::valueOf).toList()));
			}
			else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				out.put(name, Map.of("value", value));
			}
			else {
				logger.warn("Authorization attribute {} of type {} is not persisted", name,
						value.getClass().getName());
			}
		});
		return this.json.writeValueAsString(out);
	}

	/** Name, authorities, and the sign-in's sid and time (seconds) that the ID token of the code exchange needs. */
	private static Map<String, Object> principal(Authentication principal) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", principal.getName());
		map.put("authorities", AuthorityUtils.authorityListToSet(principal.getAuthorities()));
		SignInSession.of(principal).ifPresent((session) -> {
			map.put(SIGN_IN_SID, session.sid());
			map.put(SIGN_IN_TIME, session.authenticatedAt().getEpochSecond());
		});
		return map;
	}

	private static Map<String, Object> authorizationRequest(OAuth2AuthorizationRequest request) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("authorizationUri", request.getAuthorizationUri());
		map.put("clientId", request.getClientId());
		map.put("redirectUri", request.getRedirectUri());
		map.put("scopes", List.copyOf(request.getScopes()));
		map.put("state", request.getState());
		map.put("additionalParameters", plain(request.getAdditionalParameters()));
		map.put("attributes", plain(request.getAttributes()));
		map.put("authorizationRequestUri", request.getAuthorizationRequestUri());
		return map;
	}

	/** JSON-friendly copy: times as epoch seconds, collections as lists, URLs as strings. */
	private static Map<String, Object> plain(Map<String, Object> map) {
		Map<String, Object> out = new LinkedHashMap<>();
		map.forEach((key, value) -> out.put(key, plainValue(value)));
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Object plainValue(Object value) {
		if (value instanceof Instant instant) {
			return instant.getEpochSecond();
		}
		if (value instanceof Date date) {
			return date.toInstant().getEpochSecond();
		}
		if (value instanceof URL url) {
			return url.toString();
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(AuthorizationCodec::plainValue).toList();
		}
		if (value instanceof String[] array) {
			return List.of(array);
		}
		if (value instanceof Map<?, ?> map) {
			return plain((Map<String, Object>) map);
		}
		return value;
	}

	// ---- from rows

	/**
	 * @param presentedHash hash of the value that was presented (null when loaded by id)
	 * @param presentedValue the presented raw value, restored into the matching token
	 */
	OAuth2Authorization toAuthorization(Family family, String presentedHash, String presentedValue) {
		AuthorizationRow row = family.authorization();
		// Only the id of the registered client is used by the builder; no need to load the client.
		RegisteredClient client = RegisteredClient.withId(row.registeredClientId())
			.clientId(row.registeredClientId())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build();
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(row.id())
			.principalName(row.principalName())
			.authorizationGrantType(new AuthorizationGrantType(row.grantType()))
			.authorizedScopes(StringUtils.hasText(row.authorizedScopes())
					? new LinkedHashSet<>(List.of(row.authorizedScopes().split(" "))) : Set.of());
		readAttributes(row.attributes(), builder);
		for (TokenRow token : family.tokens()) {
			String value = token.tokenHash().equals(presentedHash) ? presentedValue : PLACEHOLDER + token.tokenHash();
			if (STATE.equals(token.tokenType())) {
				builder.attribute(OAuth2ParameterNames.STATE, value);
				continue;
			}
			Map<String, Object> metadata = this.json.readValue(token.metadata(), MAP);
			Map<String, Object> claims = (token.claims() != null) ? claims(this.json.readValue(token.claims(), MAP))
					: null;
			OAuth2Token oauth2Token = token(token, value, metadata, claims);
			builder.token(oauth2Token, (map) -> {
				map.putAll(metadata);
				map.remove(ACCESS_TOKEN_TYPE);
				map.remove(ACCESS_TOKEN_SCOPES);
				map.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, token.invalidated());
				if (claims != null) {
					map.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims);
				}
			});
		}
		return builder.build();
	}

	@SuppressWarnings("unchecked")
	private static OAuth2Token token(TokenRow row, String value, Map<String, Object> metadata,
			Map<String, Object> claims) {
		return switch (row.tokenType()) {
			case AUTHORIZATION_CODE -> new OAuth2AuthorizationCode(value, row.issuedAt(), row.expiresAt());
			case ACCESS_TOKEN -> new OAuth2AccessToken(
					OAuth2AccessToken.TokenType.DPOP.getValue().equals(metadata.get(ACCESS_TOKEN_TYPE))
							? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER,
					value, row.issuedAt(), row.expiresAt(),
					new LinkedHashSet<>((List<String>) metadata.getOrDefault(ACCESS_TOKEN_SCOPES, List.of())));
			case REFRESH_TOKEN -> new OAuth2RefreshToken(value, row.issuedAt(), row.expiresAt());
			case ID_TOKEN -> new OidcIdToken(value, row.issuedAt(), row.expiresAt(), claims);
			case DEVICE_CODE -> new OAuth2DeviceCode(value, row.issuedAt(), row.expiresAt());
			case USER_CODE -> new OAuth2UserCode(value, row.issuedAt(), row.expiresAt());
			default -> throw new IllegalStateException("Unknown token type " + row.tokenType());
		};
	}

	private static Map<String, Object> claims(Map<String, Object> stored) {
		Map<String, Object> claims = new LinkedHashMap<>(stored);
		for (String name : TIME_CLAIMS) {
			if (claims.get(name) instanceof Number seconds) {
				claims.put(name, Instant.ofEpochSecond(seconds.longValue()));
			}
		}
		if (claims.get("auth_time") instanceof Number seconds) {
			claims.put("auth_time", Date.from(Instant.ofEpochSecond(seconds.longValue())));
		}
		return claims;
	}

	@SuppressWarnings("unchecked")
	private void readAttributes(String attributes, OAuth2Authorization.Builder builder) {
		Map<String, Object> stored = this.json.readValue(attributes, MAP);
		stored.forEach((name, value) -> {
			Map<String, Object> map = (Map<String, Object>) value;
			switch (name) {
				case "authorizationRequest" ->
					builder.attribute(OAuth2AuthorizationRequest.class.getName(), authorizationRequest(map));
				case "principal" -> {
					List<GrantedAuthority> authorities = AuthorityUtils
						.createAuthorityList(((Collection<String>) map.get("authorities")).toArray(new String[0]));
					UsernamePasswordAuthenticationToken principal = UsernamePasswordAuthenticationToken
						.authenticated(map.get("name"), null, authorities);
					if (map.get(SIGN_IN_SID) instanceof String sid && map.get(SIGN_IN_TIME) instanceof Number seconds) {
						principal.setDetails(new SignInSession(sid, Instant.ofEpochSecond(seconds.longValue())));
					}
					builder.attribute(Principal.class.getName(), principal);
				}
				default -> {
					if (map.containsKey("set")) {
						builder.attribute(name, new LinkedHashSet<>((Collection<String>) map.get("set")));
					}
					else {
						builder.attribute(name, map.get("value"));
					}
				}
			}
		});
	}

	@SuppressWarnings("unchecked")
	private static OAuth2AuthorizationRequest authorizationRequest(Map<String, Object> map) {
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri((String) map.get("authorizationUri"))
			.clientId((String) map.get("clientId"))
			.redirectUri((String) map.get("redirectUri"))
			.scopes(new LinkedHashSet<>((Collection<String>) map.get("scopes")))
			.state((String) map.get("state"))
			.additionalParameters((Map<String, Object>) map.get("additionalParameters"))
			.attributes((Map<String, Object>) map.get("attributes"))
			.authorizationRequestUri((String) map.get("authorizationRequestUri"))
			.build();
	}

}

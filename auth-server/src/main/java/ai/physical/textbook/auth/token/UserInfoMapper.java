package ai.physical.textbook.auth.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * The {@code /userinfo} response: {@code sub} always, the profile claims with the {@code profile} scope, the email
 * with the {@code email} scope, as they are at the time of the request (through the profile cache, see
 * {@link ProfileClaims}).
 */
@Component
public final class UserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

	private final ProfileClaims profileClaims;

	UserInfoMapper(ProfileClaims profileClaims) {
		this.profileClaims = profileClaims;
	}

	@Override
	public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		Map<String, Object> userInfo = new LinkedHashMap<>();
		userInfo.put("sub", authorization.getPrincipalName());
		boolean profile = context.getAccessToken().getScopes().contains(OidcScopes.PROFILE);
		boolean email = context.getAccessToken().getScopes().contains(OidcScopes.EMAIL);
		this.profileClaims.forPrincipal(authorization.getPrincipalName()).ifPresent((claims) -> {
			if (profile) {
				userInfo.putAll(claims);
			}
			else if (email) {
				userInfo.put(ProfileClaims.EMAIL, claims.get(ProfileClaims.EMAIL));
			}
		});
		return new OidcUserInfo(userInfo);
	}

}

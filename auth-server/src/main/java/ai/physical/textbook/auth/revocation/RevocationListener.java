package ai.physical.textbook.auth.revocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.account.UserSignedOutEverywhere;
import ai.physical.textbook.auth.token.TokenFamilies;
import ai.physical.textbook.auth.token.TokensRevoked;

/**
 * Denylists revoked access tokens, and revokes every token of a user who signed out everywhere (or changed their
 * password). Both run synchronously, inside the publisher's transaction when there is one.
 */
@Component
class RevocationListener {

	private static final Logger logger = LoggerFactory.getLogger(RevocationListener.class);

	private final AccessTokenDenylist denylist;

	private final TokenFamilies families;

	RevocationListener(AccessTokenDenylist denylist, TokenFamilies families) {
		this.denylist = denylist;
		this.families = families;
	}

	@EventListener
	void onTokensRevoked(TokensRevoked event) {
		if (!event.accessTokens().isEmpty()) {
			this.denylist.add(event.principalName(), event.accessTokens(), event.reason());
		}
	}

	@EventListener
	void onSignedOutEverywhere(UserSignedOutEverywhere event) {
		int revoked = this.families.revokeAllOfUser(event.userId(), event.reason());
		logger.info("Revoked {} authorization(s) of user {} ({})", revoked, event.userId(), event.reason());
	}

}

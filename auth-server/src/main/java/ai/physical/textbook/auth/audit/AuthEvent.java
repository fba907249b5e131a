package ai.physical.textbook.auth.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * An authentication event for {@code identity.auth_logs}, published with
 * {@code ApplicationEventPublisher#publishEvent}.
 *
 * @param userId the user, when known
 * @param email the email as typed (sign-in) or of the user
 * @param event what happened: {@code sign_in}, {@code sign_out}, {@code sign_out_everywhere}, {@code lockout},
 * {@code signup}, {@code password_change}, {@code refresh_token_reuse}, {@code token_revoked},
 * {@code app_disconnected}
 * @param ipAddress client IP, may be null
 * @param userAgent client user agent, may be null
 * @param success whether the attempt succeeded
 * @param failureReason why it failed, null on success
 * @param occurredAt when
 */
public record AuthEvent(UUID userId, String email, String event, String ipAddress, String userAgent, boolean success,
		String failureReason, Instant occurredAt) {

	public static final String SIGN_IN = "sign_in";

	public static final String SIGN_OUT = "sign_out";

	public static final String SIGN_OUT_EVERYWHERE = "sign_out_everywhere";

	public static final String LOCKOUT = "lockout";

	public static final String SIGNUP = "signup";

	public static final String PASSWORD_CHANGE = "password_change";

	public static final String REFRESH_TOKEN_REUSE = "refresh_token_reuse";

	public static final String TOKEN_REVOKED = "token_revoked";

	public static final String APP_DISCONNECTED = "app_disconnected";

}

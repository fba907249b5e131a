package ai.physical.textbook.auth.session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One browser session of a user, as the account page lists it. The handle is a hash of the session id: the id itself
 * is a credential and never appears in a page.
 *
 * @param handle stable, non-secret reference used by the "sign out this session" form
 * @param signedInAt when the user signed in on it
 * @param lastAccessedAt last request
 * @param ipAddress client address at sign-in
 * @param browser a short description of the user agent
 * @param current whether it is the session of this request
 */
public record ActiveSession(String handle, Instant signedInAt, Instant lastAccessedAt, String ipAddress,
		String browser, boolean current) {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** Sign-in time for people, in UTC. */
	public String signedInText() {
		return (this.signedInAt != null) ? FORMAT.format(this.signedInAt) : "at an unknown time";
	}

	/** Last activity for people, in UTC. */
	public String lastActiveText() {
		return (this.lastAccessedAt != null) ? FORMAT.format(this.lastAccessedAt) : "unknown";
	}

}

package ai.physical.textbook.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The browser sessions of a user, found through Spring Session's principal-name index in Redis (the principal name is
 * the user id).
 */
@Service
public class ActiveSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	ActiveSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** The user's sessions, newest sign-in first. */
	List<ActiveSession> of(UUID userId, String currentSessionId) {
		Map<String, ? extends Session> found = this.sessions.findByPrincipalName(userId.toString());
		return found.values()
			.stream()
			.map((session) -> describe(session, currentSessionId))
			.sorted(Comparator.comparing(ActiveSession::current)
				.reversed()
				.thenComparing(ActiveSession::signedInAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	/** Ends the user's session with this handle; false when the user has no such session. */
	boolean end(UUID userId, String handle) {
		for (String id : this.sessions.findByPrincipalName(userId.toString()).keySet()) {
			if (handle(id).equals(handle)) {
				this.sessions.deleteById(id);
				return true;
			}
		}
		return false;
	}

	/**
	 * Ends every session of the user except {@code keepSessionId} (null to end them all).
	 * @return how many sessions ended
	 */
	public int endAll(UUID userId, String keepSessionId) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(userId.toString()).keySet()) {
			if (!id.equals(keepSessionId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	static String handle(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ActiveSession describe(Session session, String currentSessionId) {
		String signedInAt = session.getAttribute(SessionMetadata.SIGNED_IN_AT);
		return new ActiveSession(handle(session.getId()),
				(signedInAt != null) ? Instant.parse(signedInAt) : session.getCreationTime(),
				session.getLastAccessedTime(), session.getAttribute(SessionMetadata.IP_ADDRESS),
				browser(session.getAttribute(SessionMetadata.USER_AGENT)), session.getId().equals(currentSessionId));
	}

	/** A short, human description of a user agent; good enough to tell one's laptop from one's phone. */
	static String browser(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "Unknown browser";
		}
		String browser = userAgent.contains("Edg/") ? "Edge" : userAgent.contains("Firefox/") ? "Firefox"
				: userAgent.contains("Chrome/") ? "Chrome" : userAgent.contains("Safari/") ? "Safari" : "Browser";
		String system = userAgent.contains("Android") ? "Android" : userAgent.contains("iPhone") ? "iPhone"
				: userAgent.contains("iPad") ? "iPad" : userAgent.contains("Windows") ? "Windows"
						: userAgent.contains("Mac OS") ? "macOS" : userAgent.contains("Linux") ? "Linux" : null;
		return (system != null) ? browser + " on " + system : browser;
	}

}

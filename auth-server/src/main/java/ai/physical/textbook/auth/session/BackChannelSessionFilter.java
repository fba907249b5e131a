package ai.physical.textbook.auth.session;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the browser session out of the back-channel endpoints (token, revocation, introspection, JWK set,
 * discovery, the bearer-token JSON API, actuator): there a session cookie that happens to be sent is not looked up.
 *
 * <p>Why: those requests authenticate a client or a bearer token, never the browser's user, so reading the session
 * could only do harm. It would load the signed-in user's security context into a client's request, and every
 * refresh of a single-page app would extend the idle timeout of the sign-in session it came with. It is also the
 * most expensive part of such a request: Spring Session reads the session hash from Redis and writes its access
 * time and expiry indexes back (about six Redis commands) for a token request that needs none of it.
 *
 * <p>Runs right after Spring Session's filter. {@code getSession(false)} answers {@code null}; code that insists on a
 * session ({@code getSession(true)}) still gets the real one, so nothing breaks if a framework path ever needs it.
 * Paths are compared as plain strings, because this runs on every request before Spring has parsed the path (a
 * path pattern matcher parses it again per pattern); an unusual spelling of a path only means the session is read as
 * before.
 */
class BackChannelSessionFilter extends OncePerRequestFilter {

	private final Set<String> paths;

	private final List<String> prefixes;

	/**
	 * @param paths the back-channel paths
	 * @param prefixes the prefixes (ending with {@code /}) of back-channel path trees
	 */
	BackChannelSessionFilter(Set<String> paths, List<String> prefixes) {
		this.paths = Set.copyOf(paths);
		this.prefixes = List.copyOf(prefixes);
	}

	private boolean isBackChannel(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (this.paths.contains(path)) {
			return true;
		}
		for (String prefix : this.prefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(isBackChannel(request) ? new WithoutSessionLookup(request) : request, response);
	}

	private static final class WithoutSessionLookup extends HttpServletRequestWrapper {

		WithoutSessionLookup(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpSession getSession(boolean create) {
			return create ? super.getSession(true) : null;
		}

		@Override
		public boolean isRequestedSessionIdValid() {
			return false;
		}

	}

}

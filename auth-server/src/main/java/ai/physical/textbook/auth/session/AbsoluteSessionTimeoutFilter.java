package ai.physical.textbook.auth.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session older than the absolute timeout, even if it was used a second ago: a stolen session cookie
 * stays useful for at most that long. Runs after Spring Session's filter (so the session is the Redis one) and before
 * Spring Security (so the request then counts as signed out).
 */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

	private final long absoluteTimeoutMillis;

	AbsoluteSessionTimeoutFilter(SessionProperties properties) {
		this.absoluteTimeoutMillis = properties.absoluteTimeout().toMillis();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && System.currentTimeMillis() - session.getCreationTime() > this.absoluteTimeoutMillis) {
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

}

// The demo reader: a public OAuth client (textbook-web) running entirely in the browser.
// Sign-in is the authorization code flow with PKCE (S256); tokens live in sessionStorage (this tab only) and the
// refresh token is rotated on every use; sign-out revokes the tokens and ends the auth-server session
// (RP-initiated logout). No build step: plain modern JavaScript.
(function () {
	'use strict';

	const TOKENS = 'textbook.tokens';
	const PENDING = 'textbook.pending';
	const $ = (id) => document.getElementById(id);
	let config;

	function base64url(bytes) {
		let binary = '';
		new Uint8Array(bytes).forEach((b) => { binary += String.fromCharCode(b); });
		return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	}

	function randomString(length) {
		const bytes = new Uint8Array(length);
		crypto.getRandomValues(bytes);
		return base64url(bytes);
	}

	async function s256(verifier) {
		const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
		return base64url(digest);
	}

	function redirectUri() {
		return window.location.origin + '/callback.html';
	}

	function setState(state, message) {
		document.body.dataset.state = state;
		if (message !== undefined) {
			$('status').textContent = message;
		}
	}

	function showError(message, linkHref) {
		$('error').hidden = false;
		$('error-message').textContent = message;
		const link = $('complete-profile-link');
		if (link) {
			link.hidden = !linkHref;
			if (linkHref) {
				link.href = linkHref;
			}
		}
	}

	function clearError() {
		$('error').hidden = true;
	}

	function storedTokens() {
		const raw = sessionStorage.getItem(TOKENS);
		return raw ? JSON.parse(raw) : null;
	}

	function storeTokens(response) {
		const previous = storedTokens() || {};
		const tokens = {
			accessToken: response.access_token,
			// Rotation: a new refresh token replaces the old one, which the server no longer accepts.
			refreshToken: response.refresh_token || previous.refreshToken || null,
			idToken: response.id_token || previous.idToken || null,
			expiresAt: Date.now() + (response.expires_in || 300) * 1000
		};
		sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
		return tokens;
	}

	function claims(jwt) {
		try {
			const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
			return JSON.parse(decodeURIComponent(escape(atob(payload))));
		} catch (e) {
			return {};
		}
	}

	async function signIn() {
		const verifier = randomString(48);
		const state = randomString(16);
		const nonce = randomString(16);
		sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce }));
		const params = new URLSearchParams({
			response_type: 'code',
			client_id: config.clientId,
			redirect_uri: redirectUri(),
			scope: config.scope,
			state,
			nonce,
			code_challenge: await s256(verifier),
			code_challenge_method: 'S256'
		});
		window.location.assign(config.authorizationEndpoint + '?' + params);
	}

	async function tokenRequest(params) {
		const response = await fetch(config.tokenEndpoint, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(params)
		});
		const body = await response.json().catch(() => ({}));
		if (!response.ok) {
			throw new Error(body.error_description || body.error || ('token endpoint answered ' + response.status));
		}
		return body;
	}

	async function handleCallback() {
		const params = new URLSearchParams(window.location.search);
		const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
		sessionStorage.removeItem(PENDING);
		if (params.get('error')) {
			throw new Error(params.get('error_description') || params.get('error'));
		}
		if (!pending || params.get('state') !== pending.state) {
			throw new Error('The sign-in response does not match a sign-in started here (state mismatch).');
		}
		const response = await tokenRequest({
			grant_type: 'authorization_code',
			code: params.get('code'),
			redirect_uri: redirectUri(),
			client_id: config.clientId,
			code_verifier: pending.verifier
		});
		if (response.id_token && claims(response.id_token).nonce !== pending.nonce) {
			throw new Error('The ID token does not carry the nonce of this sign-in.');
		}
		storeTokens(response);
		window.location.replace('/');
	}

	async function renewTokens() {
		const tokens = storedTokens();
		if (!tokens || !tokens.refreshToken) {
			return null;
		}
		try {
			return storeTokens(await tokenRequest({
				grant_type: 'refresh_token',
				refresh_token: tokens.refreshToken,
				client_id: config.clientId
			}));
		} catch (e) {
			// A refresh token that was already used or revoked: the session is over.
			sessionStorage.removeItem(TOKENS);
			return null;
		}
	}

	async function api(method, path) {
		let tokens = storedTokens();
		if (!tokens) {
			// Signed out meanwhile (for example a refresh token that was already used): answer like the API would.
			return new Response(null, { status: 401 });
		}
		if (tokens.expiresAt - Date.now() < 30000 && tokens.refreshToken) {
			tokens = (await renewTokens()) || tokens;
		}
		const call = (t) => fetch(path, { method, headers: { Authorization: 'Bearer ' + t.accessToken, Accept: 'application/json' } });
		let response = await call(tokens);
		if (response.status === 401 && tokens.refreshToken) {
			const renewed = await renewTokens();
			if (renewed) {
				response = await call(renewed);
			}
		}
		return response;
	}

	function fillList(id, items, render) {
		const list = $(id);
		list.replaceChildren();
		items.forEach((item) => list.appendChild(render(item)));
	}

	function item(title, badge, detail, slug) {
		const li = document.createElement('li');
		if (slug) {
			li.dataset.slug = slug;
		}
		const strong = document.createElement('strong');
		strong.textContent = title;
		li.appendChild(strong);
		if (badge) {
			const span = document.createElement('span');
			span.className = 'badge';
			span.textContent = badge;
			li.append(' ', span);
		}
		if (detail) {
			const div = document.createElement('div');
			div.className = 'reasons';
			div.textContent = detail;
			li.appendChild(div);
		}
		return li;
	}

	function render(context, cacheStatus) {
		const path = context.learningPath;
		$('current-level').textContent = path.currentLevel;
		fillList('next-topics', path.nextTopics, (t) => item(t.title, t.difficulty, t.reason, t.slug));
		fillList('skill-gaps', path.skillGaps, (g) => item(g.skill, null, g.reason, g.chapter));
		const prefs = context.contentPreferences;
		$('difficulty').textContent = prefs.difficultySetting;
		$('focus-areas').textContent = prefs.focusAreas.join(', ');
		$('preferred-platforms').textContent = prefs.preferredPlatforms.join(', ');
		const ui = context.uiAdaptations;
		$('code-language').textContent = ui.codeLanguage;
		$('preferred-platform').textContent = ui.preferredPlatform;
		$('beginner-tips').textContent = ui.showBeginnerTips ? 'shown' : 'hidden';
		$('advanced-notes').textContent = ui.showAdvancedNotes ? 'shown' : 'hidden';
		const recommendation = (r) => item(r.title, r.difficulty, r.reasons.join(' · '), r.slug);
		fillList('chapter-recommendations', context.recommendations.chapters, recommendation);
		fillList('project-recommendations', context.recommendations.projects, recommendation);
		$('cache-status').textContent = cacheStatus || '';
		$('generated-at').textContent = new Date(context.generatedAt).toLocaleString();
		$('reader').hidden = false;
	}

	function showSignedOut() {
		$('welcome').hidden = false;
		$('reader').hidden = true;
		$('signin-button').hidden = false;
		['user-name', 'refresh-button', 'refresh-token-button', 'signout-button'].forEach((id) => { $(id).hidden = true; });
		setState('signed-out', 'You are not signed in.');
	}

	async function loadContext(method, path) {
		clearError();
		setState('loading', 'Loading your personalization…');
		const response = await api(method, path);
		if (response.status === 401) {
			sessionStorage.removeItem(TOKENS);
			showSignedOut();
			return;
		}
		const body = await response.json().catch(() => ({}));
		if (!response.ok) {
			$('reader').hidden = true;
			showError(body.detail || ('The API answered ' + response.status), body.redirectTo);
			setState(body.code === 'AUTH_PROFILE_INCOMPLETE' ? 'profile-incomplete' : 'error', '');
			return;
		}
		render(body, response.headers.get('X-Personalization-Cache'));
		setState('ready', 'Your plan is up to date.');
	}

	async function revoke(token, hint) {
		if (!token) {
			return;
		}
		await fetch(config.revocationEndpoint, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token, token_type_hint: hint, client_id: config.clientId })
		}).catch(() => undefined);
	}

	async function signOut() {
		const tokens = storedTokens() || {};
		setState('signing-out', 'Signing out…');
		// Refresh token first: revoking it ends the whole grant; then the access token, so the API rejects it at once.
		await revoke(tokens.refreshToken, 'refresh_token');
		await revoke(tokens.accessToken, 'access_token');
		sessionStorage.removeItem(TOKENS);
		const params = new URLSearchParams({ post_logout_redirect_uri: window.location.origin + '/', client_id: config.clientId });
		if (tokens.idToken) {
			params.set('id_token_hint', tokens.idToken);
		}
		window.location.assign(config.endSessionEndpoint + '?' + params);
	}

	async function showReader() {
		const tokens = storedTokens();
		if (!tokens) {
			showSignedOut();
			return;
		}
		const who = claims(tokens.idToken || tokens.accessToken);
		$('user-name').textContent = who.name || who.email || who.sub || '';
		['user-name', 'refresh-button', 'signout-button'].forEach((id) => { $(id).hidden = false; });
		$('refresh-token-button').hidden = !tokens.refreshToken;
		$('signin-button').hidden = true;
		$('welcome').hidden = true;
		await loadContext('GET', '/api/personalization/context');
	}

	async function start() {
		config = await (await fetch('/demo-config.json')).json();
		if (window.location.pathname === '/callback.html') {
			try {
				await handleCallback();
			} catch (e) {
				showError(e.message);
				setState('error', 'Sign-in failed.');
			}
			return;
		}
		$('signin-button').addEventListener('click', () => signIn());
		$('signout-button').addEventListener('click', () => signOut());
		// The context is built from the access token's profile claims: after a profile change, a renewed token carries
		// the new background, so renew first when the session allows it.
		$('refresh-button').addEventListener('click', async () => {
			if ((storedTokens() || {}).refreshToken) {
				await renewTokens();
			}
			await loadContext('POST', '/api/personalization/refresh');
		});
		$('refresh-token-button').addEventListener('click', async () => {
			const renewed = await renewTokens();
			if (renewed) {
				await loadContext('POST', '/api/personalization/refresh');
			} else {
				showSignedOut();
			}
		});
		await showReader();
	}

	document.addEventListener('DOMContentLoaded', () => {
		start().catch((e) => {
			showError(e.message);
			setState('error', '');
		});
	});
}());

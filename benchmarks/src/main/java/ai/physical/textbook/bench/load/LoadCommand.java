package ai.physical.textbook.bench.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code load <scenario> key=value...}: runs one multi-step scenario and writes its result line to {@code out}.
 *
 * <p>Scenarios: {@code signin} (the full browser sign-in, one random user per flow), {@code refresh} (refresh-token
 * rotation, one chain per worker), {@code revoke} (access-token revocation from a pool minted before the clock starts),
 * {@code get-miss} (a GET whose cache key is deleted, untimed, before each request), {@code put} (a JSON write per
 * worker's own user), and {@code tokens} (signs one user in and prints its tokens for the wrk scenarios).
 */
public final class LoadCommand {

	private LoadCommand() {
	}

	public static void run(String[] args) throws Exception {
		String scenario = args[0];
		Settings settings = new Settings(java.util.Arrays.copyOfRange(args, 1, args.length));
		String auth = settings.loopbackUrl("auth");
		BrowserSignIn browser = new BrowserSignIn(auth, settings.get("webClient", "textbook-web"),
				settings.get("redirectUri"), settings.get("scope", "openid profile"));
		List<String[]> users = Files.readAllLines(Path.of(settings.get("users")), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> line.split("\t"))
			.toList();
		String password = settings.get("password");
		if ("tokens".equals(scenario)) {
			printTokens(browser, users.get(settings.integer("user", 0))[1], password);
			return;
		}
		int concurrency = settings.integer("c", 16);
		LoadEngine.SessionFactory factory = switch (scenario) {
			case "signin" -> (worker) -> signIn(browser, users, password);
			case "refresh" -> (worker) -> refresh(settings, auth, browser, users.get(worker % users.size())[1], password);
			case "revoke" -> (worker) -> revoke(settings, auth, concurrency);
			case "get-miss" -> (worker) -> getMiss(settings, browser, users.get(worker % users.size())[1], password);
			case "put" -> (worker) -> put(settings, browser, users.get(worker % users.size())[1], password);
			default -> throw new IllegalArgumentException("unknown scenario " + scenario);
		};
		Result result = LoadEngine.run(settings.get("name", scenario), settings.get("variant", "-"), concurrency,
				settings.integer("warmup", 10), settings.integer("duration", 30), settings.integer("maxOps", 2_000_000),
				factory);
		result.write(Path.of(settings.get("out")));
		System.out.println(Result.HEADER.substring(0, Result.HEADER.indexOf("\tother")));
		System.out.println(result.line());
		if (result.requests() == 0) {
			System.err.println("no operation completed in the measured time");
			System.exit(1);
		}
	}

	private static void printTokens(BrowserSignIn browser, String email, String password) throws Exception {
		Tokens tokens = browser.signIn(new Http(), email, password);
		System.out.println("USER_ACCESS_TOKEN=" + tokens.accessToken());
		System.out.println("USER_REFRESH_TOKEN=" + (tokens.refreshToken() == null ? "" : tokens.refreshToken()));
		System.out.println("USER_ID=" + subject(tokens.accessToken()));
	}

	static String subject(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return Json.string(payload, "sub");
	}

	private static LoadEngine.Session signIn(BrowserSignIn browser, List<String[]> users, String password) {
		Http http = new Http();
		return () -> {
			String email = users.get(ThreadLocalRandom.current().nextInt(users.size()))[1];
			return browser.signIn(http, email, password).accessToken() != null;
		};
	}

	private static LoadEngine.Session refresh(Settings settings, String auth, BrowserSignIn browser, String email,
			String password) throws Exception {
		Http http = new Http();
		Tokens first = browser.signIn(http, email, password);
		if (first.refreshToken() == null) {
			throw new FlowException("the sign-in gave no refresh token: the client cannot use refresh_token");
		}
		String clientId = settings.get("refreshClient", settings.get("webClient", "textbook-web"));
		String secret = settings.get("refreshSecret", "");
		String[] refreshToken = { first.refreshToken() };
		return () -> {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("grant_type", "refresh_token");
			form.put("refresh_token", refreshToken[0]);
			Http.Response response;
			if (secret.isEmpty()) {
				form.put("client_id", clientId);
				response = http.postForm(auth + "/oauth2/token", form);
			}
			else {
				response = http.postForm(auth + "/oauth2/token", form, "Authorization", Http.basic(clientId, secret));
			}
			if (response.status() != 200) {
				Errors.report("refresh", new FlowException("refresh", response));
				// The chain is broken: start a new one (untimed cost is not possible here, so it shows as an error).
				refreshToken[0] = browser.signIn(http, email, password).refreshToken();
				return false;
			}
			String next = Json.string(response.body(), "refresh_token");
			boolean rotated = next != null && !next.equals(refreshToken[0]);
			if (next != null) {
				refreshToken[0] = next;
			}
			if (!rotated) {
				Errors.report("refresh", "refresh token not rotated");
			}
			return rotated;
		};
	}

	private static LoadEngine.Session revoke(Settings settings, String auth, int concurrency) throws Exception {
		Http http = new Http();
		String basic = Http.basic(settings.get("serviceClient"), settings.get("serviceSecret"));
		int pool = Math.max(1, settings.integer("pool", 20_000) / concurrency);
		Deque<String> tokens = new ArrayDeque<>(pool);
		Map<String, String> grant = Map.of("grant_type", "client_credentials", "scope",
				settings.get("serviceScope", ""));
		// Bounded in time as well as in count: on a slow machine the pool is what could be minted in poolSeconds.
		long mintUntil = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(settings.integer("poolSeconds", 60));
		for (int i = 0; i < pool && System.nanoTime() < mintUntil; i++) {
			Http.Response response = http.postForm(auth + "/oauth2/token",
					grant.get("scope").isEmpty() ? Map.of("grant_type", "client_credentials") : grant,
					"Authorization", basic);
			if (response.status() != 200) {
				throw new FlowException("client_credentials for the revocation pool", response);
			}
			tokens.add(Json.string(response.body(), "access_token"));
		}
		String[] current = new String[1];
		return new LoadEngine.Session() {
			@Override
			public boolean prepare() {
				current[0] = tokens.poll();
				return current[0] != null;
			}

			@Override
			public boolean call() throws Exception {
				Http.Response response = http.postForm(auth + "/oauth2/revoke",
						Map.of("token", current[0], "token_type_hint", "access_token"), "Authorization", basic);
				if (response.status() != 200) {
					Errors.report("revoke", new FlowException("revoke", response));
				}
				return response.status() == 200;
			}
		};
	}

	private static LoadEngine.Session getMiss(Settings settings, BrowserSignIn browser, String email, String password)
			throws Exception {
		Http http = new Http();
		Tokens tokens = browser.signIn(http, email, password);
		String userId = subject(tokens.accessToken());
		String url = settings.loopbackUrl("url").replace("%7BuserId%7D", userId).replace("{userId}", userId);
		String key = settings.get("redisKey").replace("{userId}", userId);
		Resp redis = new Resp(settings.integer("redisPort", 6379));
		String bearer = "Bearer " + tokens.accessToken();
		return new LoadEngine.Session() {
			@Override
			public boolean prepare() throws Exception {
				redis.command("DEL", key);
				return true;
			}

			@Override
			public boolean call() throws Exception {
				Http.Response response = http.get(url, "Authorization", bearer, "Accept", "application/json");
				if (!response.ok()) {
					Errors.report("get-miss", new FlowException("GET " + url, response));
				}
				return response.ok();
			}

			@Override
			public void close() throws Exception {
				redis.close();
			}
		};
	}

	private static LoadEngine.Session put(Settings settings, BrowserSignIn browser, String email, String password)
			throws Exception {
		Http http = new Http();
		Tokens tokens = browser.signIn(http, email, password);
		String userId = subject(tokens.accessToken());
		String url = settings.loopbackUrl("url").replace("%7BuserId%7D", userId).replace("{userId}", userId);
		String body = Files.readString(Path.of(settings.get("body"))).replace("{userId}", userId);
		String bearer = "Bearer " + tokens.accessToken();
		return () -> {
			Http.Response response = http.send("PUT", url, "application/json", body, "Authorization", bearer,
					"Accept", "application/json");
			if (!response.ok()) {
				Errors.report("put", new FlowException("PUT " + url, response));
			}
			return response.ok();
		};
	}

}

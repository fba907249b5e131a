package ai.physical.textbook.auth.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Secrets of the test JVM, random per run (nothing secret in the repository): the key-encryption key and the
 * secrets of the confidential clients. Registered for every application context of the auth-server tests
 * (META-INF/spring.factories), so that every context started in this JVM, cached test contexts and the extra
 * instances of the multi-instance tests alike, shares them; explicitly configured values win.
 */
public final class TestSecrets implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Base64 of 32 random bytes. */
	public static final String KEK = random();

	public static final String SERVICE_CLIENT_SECRET = random();

	public static final String RESOURCE_API_CLIENT_SECRET = random();

	public static final String SERVICE_CLIENT = "textbook-service";

	public static final String RESOURCE_API_CLIENT = "resource-api";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> secrets = new LinkedHashMap<>();
		putIfBlank(environment, secrets, "textbook.keys.encryption-key", KEK);
		putIfBlank(environment, secrets, "textbook.clients.textbook-service.secret", SERVICE_CLIENT_SECRET);
		putIfBlank(environment, secrets, "textbook.clients.resource-api.secret", RESOURCE_API_CLIENT_SECRET);
		if (!secrets.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("testSecrets", secrets));
		}
	}

	private static void putIfBlank(ConfigurableEnvironment environment, Map<String, Object> secrets, String name,
			String value) {
		String current = environment.getProperty(name);
		if (current == null || current.isBlank()) {
			secrets.put(name, value);
		}
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}

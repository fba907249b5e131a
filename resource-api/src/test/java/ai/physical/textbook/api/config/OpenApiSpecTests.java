package ai.physical.textbook.api.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.physical.textbook.api.policy.EndpointPolicy;
import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed API descriptions are exactly what the code generates: {@code docs/api-spec-resource-api.yaml} for
 * resource-api, and {@code docs/api-spec.yaml} combining it with {@code docs/api-spec-auth-server.yaml} (written by
 * the auth-server's tests). After changing an endpoint, regenerate them with
 * {@code ./mvnw -pl resource-api -am verify -Dtest=OpenApiSpecTests -Dsurefire.failIfNoSpecifiedTests=false -Dapi-spec.write=true}.
 */
class OpenApiSpecTests extends ResourceApiIntegrationTest {

	static final Path SPEC = Path.of("..", "docs", "api-spec-resource-api.yaml");

	/** The other application's description, written by its own tests (absent until it has JSON endpoints). */
	static final Path AUTH_SERVER_SPEC = Path.of("..", "docs", "api-spec-auth-server.yaml");

	/** Both applications' descriptions combined. */
	static final Path COMBINED_SPEC = Path.of("..", "docs", "api-spec.yaml");

	@Test
	void whenGeneratedThenCommittedDescriptionIsUpToDate() throws Exception {
		String generated = get("/v3/api-docs.yaml", null).body();
		if (Boolean.getBoolean("api-spec.write")) {
			Files.writeString(SPEC, generated, StandardCharsets.UTF_8);
		}
		assertThat(SPEC).exists();
		assertThat(Files.readString(SPEC, StandardCharsets.UTF_8))
			.as("docs/api-spec-resource-api.yaml is out of date: rerun this test with -Dapi-spec.write=true")
			.isEqualTo(generated);
	}

	@Test
	void whenCombinedThenCommittedPlatformDescriptionIsUpToDate() throws Exception {
		List<String> specs = new ArrayList<>();
		if (Files.exists(AUTH_SERVER_SPEC)) {
			specs.add(Files.readString(AUTH_SERVER_SPEC, StandardCharsets.UTF_8));
		}
		specs.add(get("/v3/api-docs.yaml", null).body());
		String combined = ApiSpecMerger.merge(specs);
		if (Boolean.getBoolean("api-spec.write")) {
			Files.writeString(COMBINED_SPEC, combined, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(COMBINED_SPEC, StandardCharsets.UTF_8))
			.as("docs/api-spec.yaml is out of date: rerun this test with -Dapi-spec.write=true")
			.isEqualTo(combined);
		assertThat(combined).contains("/api/personalization/context:", "url: http://localhost:8081");
	}

	@Test
	void whenGeneratedThenEveryGuardedEndpointHasSecurityAndItsErrorResponses() {
		String generated = get("/v3/api-docs.yaml", null).body();
		for (EndpointPolicy endpoint : EndpointPolicy.ALL) {
			assertThat(generated).contains(endpoint.path() + ":");
		}
		assertThat(generated).contains("bearerAuth", "AUTH_TOKEN_INVALID", "AUTH_PROFILE_INCOMPLETE",
				"AUTH_INSUFFICIENT_PERMISSIONS", "redirectTo", "x-policy: personalized_content",
				"x-policy: self_profile", "x-policy: admin");
		assertThat(generated).doesNotContain("demo-config");
	}

}

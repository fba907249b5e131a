package ai.physical.textbook.api.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import ai.physical.textbook.api.policy.EndpointPolicy;
import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed API description, {@code docs/api-spec-resource-api.yaml}, is exactly what the code generates. After
 * changing an endpoint, regenerate it with
 * {@code ./mvnw -pl resource-api -am verify -Dtest=OpenApiSpecTests -Dsurefire.failIfNoSpecifiedTests=false -Dapi-spec.write=true}.
 */
class OpenApiSpecTests extends ResourceApiIntegrationTest {

	static final Path SPEC = Path.of("..", "docs", "api-spec-resource-api.yaml");

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

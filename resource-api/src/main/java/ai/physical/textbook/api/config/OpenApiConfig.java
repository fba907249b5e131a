package ai.physical.textbook.api.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.physical.textbook.api.policy.EndpointPolicy;
import ai.physical.textbook.api.policy.Policy;
import ai.physical.textbook.api.problem.ApiProblem;

/**
 * The OpenAPI description of resource-api (served at {@code /v3/api-docs}, committed as
 * {@code docs/api-spec-resource-api.yaml}). Security requirements and error responses are derived from
 * {@link EndpointPolicy#ALL}, the same table the security filter chain enforces, so the description cannot promise
 * what the code does not do.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	static final String BEARER = "bearerAuth";

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI resourceApiOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Physical AI textbook: personalization API (resource-api)")
				.version("1.0")
				.license(new License().name("Apache-2.0"))
				.description("""
						Personalization for readers of the Physical AI textbook. Every endpoint takes an access token \
						issued by the auth-server (RFC 9068 JWT, `typ` at+jwt, audience `textbook-api`) as \
						`Authorization: Bearer <token>`. Errors are RFC 9457 problem details with a stable `code`."""))
			.servers(List.of(new Server().url("http://localhost:8081").description("Local run (./run)")))
			.components(new Components()
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("Access token from the auth-server (authorization code + PKCE, or client credentials)"))
				.addSchemas(PROBLEM, problemSchema()));
	}

	@Bean
	OpenApiCustomizer policyErrorResponses() {
		return (openApi) -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
			Policy policy = EndpointPolicy.policyFor(HttpMethod.valueOf(method.name()), path);
			if (policy != null) {
				describe(op, path, policy);
			}
		}));
	}

	private static void describe(Operation operation, String path, Policy policy) {
		operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
		operation.addExtension("x-policy", policy.policyName());
		String policyNote = "Policy: `" + policy.policyName() + "`"
				+ ((policy.parent() != null) ? " (extends `" + policy.parent().policyName() + "`)." : ".");
		operation.setDescription(
				(operation.getDescription() != null) ? operation.getDescription() + "\n\n" + policyNote : policyNote);
		if (path.contains("{userId}")) {
			addProblem(operation, path, ApiProblem.VALIDATION_FAILED, "'userId' must be a valid UUID, got 'me'", null);
		}
		addProblem(operation, path, ApiProblem.AUTH_TOKEN_INVALID, null, null);
		switch (policy) {
			case PERSONALIZED_CONTENT -> {
				addProblem(operation, path, ApiProblem.AUTH_PROFILE_INCOMPLETE, null,
						ApiProblem.AUTH_INSUFFICIENT_PERMISSIONS);
			}
			case SELF_PROFILE, ADMIN -> addProblem(operation, path, ApiProblem.AUTH_INSUFFICIENT_PERMISSIONS, null, null);
			default -> {
			}
		}
		if (path.contains("{")) {
			String variable = path.substring(path.indexOf('{') + 1, path.indexOf('}'));
			addProblem(operation, path, ApiProblem.NOT_FOUND, "userId".equals(variable)
					? "No preferences stored for user 3f0b8c52-8d6e-4c1e-9a51-0c2f5e7d9a10 yet; "
							+ "GET /api/personalization/context stores them"
					: "No chapter 'ros3-basics'", null);
		}
		if (path.startsWith("/api/catalog/") && !path.contains("{")) {
			addProblem(operation, path, ApiProblem.VALIDATION_FAILED,
					"'difficulty' must be one of beginner, intermediate, advanced, expert; got 'easy'", null);
		}
		addProblem(operation, path, ApiProblem.SERVICE_UNAVAILABLE, null, null);
	}

	/** Adds a problem response with an example per problem (two when {@code also} shares the status). */
	private static void addProblem(Operation operation, String path, ApiProblem problem, String detail,
			ApiProblem also) {
		String status = Integer.toString(problem.status().value());
		MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
		media.addExamples(problem.name(), example(path, problem, detail));
		if (also != null) {
			media.addExamples(also.name(), example(path, also, null));
		}
		String description = (also != null) ? problem.name() + " or " + also.name() : problem.name();
		operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
						media)));
	}

	private static Example example(String path, ApiProblem problem, String detail) {
		String message = (detail != null) ? detail : problem.message();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", problem.status().getReasonPhrase());
		body.put("status", problem.status().value());
		body.put("detail", message);
		body.put("instance", path.replace("{userId}", "3f0b8c52-8d6e-4c1e-9a51-0c2f5e7d9a10")
			.replace("{slug}", "ros3-basics"));
		body.put("code", problem.name());
		body.put("error", problem.status().getReasonPhrase());
		body.put("message", message);
		if (problem == ApiProblem.AUTH_PROFILE_INCOMPLETE) {
			body.put("redirectTo", "http://localhost:9000/profile");
		}
		return new Example().summary(problem.message()).value(body);
	}

	private static Schema<?> problemSchema() {
		StringSchema codes = new StringSchema();
		codes.description("Stable error code");
		codes.setEnum(java.util.Arrays.stream(ApiProblem.values()).map(ApiProblem::name).toList());
		return new ObjectSchema().description("RFC 9457 problem details with the seed plan's members")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().description("HTTP reason phrase (the seed's `error`)"))
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema().description("What went wrong (the seed's `message`)"))
			.addProperty("instance", new StringSchema().description("The request path"))
			.addProperty("code", codes)
			.addProperty("error", new StringSchema().description("Same as `title`, for clients of the seed's shape"))
			.addProperty("message", new StringSchema().description("Same as `detail`, for clients of the seed's shape"))
			.addProperty("redirectTo", new StringSchema().description("AUTH_PROFILE_INCOMPLETE only: the profile page"))
			.addProperty("field", new StringSchema().description("VALIDATION_FAILED only: the offending parameter"))
			.required(List.of("type", "title", "status", "code"));
	}

}

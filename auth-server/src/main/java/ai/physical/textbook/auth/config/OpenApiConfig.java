package ai.physical.textbook.auth.config;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the auth-server's JSON API (served at {@code /v3/api-docs}, committed as
 * {@code docs/api-spec-auth-server.yaml} and combined with resource-api's into {@code docs/api-spec.yaml}). The OAuth2
 * and OpenID Connect endpoints are described by discovery ({@code /.well-known/openid-configuration}), not here.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	@Bean
	OpenAPI authServerOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Physical AI textbook: profile API (auth-server)")
				.version("1.0")
				.license(new License().name("Apache-2.0"))
				.description("""
						Reader profiles for bearer tokens issued by this server (RFC 9068 JWT, `typ` at+jwt, audience \
						`textbook-api`). Errors are RFC 9457 problem details with a stable `code`."""))
			.servers(List.of(new Server().url("http://localhost:9000").description("Local run (./run)")))
			.components(new Components().addSecuritySchemes("bearerAuth",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("Access token from the auth-server (authorization code + PKCE, or client credentials)")));
	}

}

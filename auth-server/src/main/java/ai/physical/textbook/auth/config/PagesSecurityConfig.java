package ai.physical.textbook.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The server-rendered pages: sign-in with a session in Redis, CSRF on every form.
 */
@Configuration(proxyBeanMethods = false)
class PagesSecurityConfig {

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers(PagePaths.SIGN_IN, "/css/**", "/error", "/actuator/health/**", "/actuator/health",
					"/actuator/prometheus")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.formLogin((form) -> form.loginPage(PagePaths.SIGN_IN).usernameParameter(PagePaths.EMAIL_PARAMETER));
		return http.build();
	}

}

package ai.physical.textbook.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The personalization API of the Physical AI textbook: a resource server that trusts access tokens signed by the
 * auth-server (checked against its JWK set) and turns the reader's background claims into personalization.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ResourceApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(ResourceApiApplication.class, args);
	}

}

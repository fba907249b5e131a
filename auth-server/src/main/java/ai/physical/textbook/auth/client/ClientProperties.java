package ai.physical.textbook.auth.client;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clients declared in configuration ({@code textbook.clients.<client-id>.*}), synchronized into
 * {@code identity.oauth2_registered_client} at startup.
 *
 * @param clients declared clients by client id
 */
@ConfigurationProperties("textbook")
public record ClientProperties(@DefaultValue Map<String, ClientDefinition> clients) {

}

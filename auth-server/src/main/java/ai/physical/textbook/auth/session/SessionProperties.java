package ai.physical.textbook.auth.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Session limits beyond Spring Session's idle timeout ({@code spring.session.timeout}).
 *
 * @param absoluteTimeout the longest a browser session lives, however active ({@code textbook.session.absolute-timeout})
 */
@ConfigurationProperties("textbook.session")
record SessionProperties(Duration absoluteTimeout) {

	SessionProperties {
		absoluteTimeout = (absoluteTimeout != null) ? absoluteTimeout : Duration.ofHours(12);
	}

}

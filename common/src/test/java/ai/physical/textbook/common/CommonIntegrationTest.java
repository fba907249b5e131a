package ai.physical.textbook.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import ai.physical.textbook.testsupport.RealInfrastructure;

/**
 * One full context for all integration tests of this module (same annotations, so Spring caches it): a web server on a
 * random port, real PostgreSQL and Redis, health details shown, short retry delays.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CommonTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,prometheus",
				"management.endpoint.health.show-details=always", "spring.data.redis.timeout=2s",
				"spring.data.redis.connect-timeout=2s", "textbook.db.retry.initial-backoff=5ms",
				"textbook.db.retry.max-backoff=20ms" })
@Import(RealInfrastructure.class)
public @interface CommonIntegrationTest {

}

package ai.physical.textbook.auth.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import ai.physical.textbook.auth.AuthServerApplication;
import ai.physical.textbook.testsupport.RealInfrastructure;

/**
 * The whole auth-server on a random port, on the real PostgreSQL and Redis of the test JVM. Every test class using
 * this annotation (and nothing else that changes the context) shares one cached application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = AuthServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ RealInfrastructure.class, RecordedEvents.class })
public @interface AuthServerIntegrationTest {

}

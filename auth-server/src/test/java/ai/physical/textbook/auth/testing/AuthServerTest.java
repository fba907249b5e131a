package ai.physical.textbook.auth.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import ai.physical.textbook.testsupport.RealInfrastructure;

/**
 * The one full-context setup of the accounts tests: real PostgreSQL and Redis, a server on a random port, MockMvc,
 * and small brute-force thresholds. Every test class uses exactly this annotation, so Spring builds the context once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "textbook.admin.email=" + AuthServerTest.ADMIN_EMAIL,
				"textbook.admin.password=" + AuthServerTest.ADMIN_PASSWORD, "textbook.bruteforce.delay-after=3",
				"textbook.bruteforce.base-delay=50ms", "textbook.bruteforce.lock-after=5",
				"textbook.bruteforce.ip-lock-after=8", "textbook.bruteforce.signups-per-ip=4" })
@AutoConfigureMockMvc
@Import({ RealInfrastructure.class, RowSecurityFixture.class, RecordedEvents.class, TestUsers.class, Tokens.class })
public @interface AuthServerTest {

	String ADMIN_EMAIL = "admin@accounts-test.example";

	String ADMIN_PASSWORD = "Bootstrap-Admin-42";

}

package ai.physical.textbook.common;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal app with the common module's auto-configuration, for the integration tests of this module.
 */
@SpringBootApplication
public class CommonTestApplication {

}

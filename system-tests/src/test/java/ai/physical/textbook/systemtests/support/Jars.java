package ai.physical.textbook.systemtests.support;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the executable jars of the apps. The build keeps each app's plain jar as its main artifact and writes the
 * Boot jar beside it with the classifier {@code exec}; the plain jar (or classes folder) is on this module's test
 * classpath, so the executable one is found next to it.
 */
final class Jars {

	private Jars() {
	}

	static Path authServer() {
		return executableJarBeside("ai.physical.textbook.auth.AuthServerApplication", "auth-server");
	}

	static Path resourceApi() {
		return executableJarBeside("ai.physical.textbook.api.ResourceApiApplication", "resource-api");
	}

	private static Path executableJarBeside(String mainClass, String artifactId) {
		Path location;
		try {
			location = Path.of(Class.forName(mainClass).getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (ClassNotFoundException | URISyntaxException ex) {
			throw new IllegalStateException(mainClass + " is not on the test classpath", ex);
		}
		// target/auth-server.jar or target/classes: either way the exec jar sits in target/.
		Path target = location.getParent();
		Path jar = target.resolve(artifactId + "-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No executable jar at " + jar + ": build it first, e.g. "
					+ "./mvnw -B verify -pl system-tests -am (the reactor packages " + artifactId + " before these tests)");
		}
		return jar;
	}

}

package ai.physical.textbook.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretFilesTests {

	@TempDir
	Path directory;

	@Test
	void whenMissingThenGeneratedOnceWithOwnerOnlyPermissions() throws IOException {
		Path file = this.directory.resolve(".data/kek");
		AtomicInteger generated = new AtomicInteger();
		String first = SecretFiles.readOrCreate(file, () -> {
			generated.incrementAndGet();
			return SecretFiles.newKeyEncryptionKey();
		});
		String second = SecretFiles.readOrCreate(file, () -> {
			generated.incrementAndGet();
			return "another";
		});
		assertThat(second).isEqualTo(first);
		assertThat(generated).as("generated once, then read").hasValue(1);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Base64.getDecoder().decode(first)).hasSize(32);
	}

	@Test
	void whenFileReadableByOthersThenNarrowedToOwner() throws IOException {
		Path file = this.directory.resolve("kek");
		Files.writeString(file, "existing-key\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(SecretFiles.readOrCreate(file, () -> "new")).isEqualTo("existing-key");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void whenFileEmptyThenRefusedRatherThanSilentlyReplaced() throws IOException {
		Path file = this.directory.resolve("kek");
		Files.writeString(file, "\n");
		assertThatIllegalStateException().isThrownBy(() -> SecretFiles.readOrCreate(file, () -> "new"))
			.withMessageContaining("empty");
	}

	@Test
	void generatedKeysDiffer() {
		assertThat(SecretFiles.newKeyEncryptionKey()).isNotEqualTo(SecretFiles.newKeyEncryptionKey());
	}

	@Test
	void demoPasswordMeetsSignupRules() {
		String password = Launcher.newDemoPassword();
		assertThat(password).hasSizeGreaterThanOrEqualTo(8).matches(".*[A-Z].*").matches(".*[a-z].*")
			.matches(".*[0-9].*");
		assertThat(Launcher.newDemoPassword()).isNotEqualTo(password);
	}

}

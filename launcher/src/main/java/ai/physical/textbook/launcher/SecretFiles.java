package ai.physical.textbook.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Secrets generated once and kept in files readable only by their owner (mode 600), so that what depends on them —
 * the private signing keys encrypted with the key-encryption key — survives a restart.
 */
final class SecretFiles {

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom random = new SecureRandom();

	private SecretFiles() {
	}

	/** A new key-encryption key: 32 random bytes (AES-256), base64-encoded. */
	static String newKeyEncryptionKey() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * Reads the secret kept in the file, or generates it and writes the file with mode 600 first. A file found with
	 * wider permissions is narrowed to 600.
	 */
	static String readOrCreate(Path file, java.util.function.Supplier<String> generator) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			if (!Files.exists(file)) {
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
					Files.writeString(file, generator.get() + "\n", StandardCharsets.UTF_8,
							StandardOpenOption.TRUNCATE_EXISTING);
				}
				catch (FileAlreadyExistsException ex) {
					// Another launcher created it at the same moment: use theirs.
				}
			}
			if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
			String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (secret.isEmpty()) {
				throw new IllegalStateException(file + " is empty; delete it to generate a new secret (data encrypted "
						+ "with the old one becomes unreadable)");
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create " + file, ex);
		}
	}

}

package ai.physical.textbook.auth.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rules of the original plan (at least 8 characters, an uppercase letter, a lowercase letter, a digit),
 * plus at most 128 characters (Argon2 input stays bounded) and no password from the bundled list of the 10,000 most
 * common ones. Used by sign-up and password change; every broken rule is reported, so the form can explain them all.
 */
@Component
public class PasswordPolicy {

	/** Fewest characters (code points) accepted. */
	public static final int MIN_LENGTH = 8;

	/** Most characters (code points) accepted. */
	public static final int MAX_LENGTH = 128;

	static final String COMMON_PASSWORDS = "security/common-passwords.txt";

	private final Set<String> commonPasswords;

	public PasswordPolicy() {
		this.commonPasswords = load(new ClassPathResource(COMMON_PASSWORDS));
	}

	/** One broken rule: a stable code for tests and clients, and the sentence shown beside the field. */
	public record Violation(String code, String message) {
	}

	/** Every rule the password breaks, in the order the page lists them; empty when it is acceptable. */
	public List<Violation> check(String password) {
		List<Violation> violations = new ArrayList<>();
		String value = (password != null) ? password : "";
		int length = value.codePointCount(0, value.length());
		if (length < MIN_LENGTH) {
			violations.add(new Violation("too_short", "Use at least " + MIN_LENGTH + " characters."));
		}
		if (length > MAX_LENGTH) {
			violations.add(new Violation("too_long", "Use at most " + MAX_LENGTH + " characters."));
		}
		if (value.codePoints().noneMatch(Character::isUpperCase)) {
			violations.add(new Violation("no_uppercase", "Add an uppercase letter (A–Z)."));
		}
		if (value.codePoints().noneMatch(Character::isLowerCase)) {
			violations.add(new Violation("no_lowercase", "Add a lowercase letter (a–z)."));
		}
		if (value.codePoints().noneMatch(Character::isDigit)) {
			violations.add(new Violation("no_digit", "Add a digit (0–9)."));
		}
		if (isCommon(value)) {
			violations.add(new Violation("too_common",
					"This password is one of the 10,000 most common passwords. Choose one that is harder to guess."));
		}
		return violations;
	}

	/** Whether the password (compared case-insensitively) is on the bundled common-password list. */
	public boolean isCommon(String password) {
		return password != null && this.commonPasswords.contains(password.toLowerCase(Locale.ROOT));
	}

	/** How many common passwords the bundled list holds. */
	int commonPasswordCount() {
		return this.commonPasswords.size();
	}

	private static Set<String> load(ClassPathResource resource) {
		Set<String> passwords = new HashSet<>(16_384);
		try (InputStream in = resource.getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the common-password list " + resource.getPath(), ex);
		}
		if (passwords.size() < 10_000) {
			throw new IllegalStateException("The common-password list holds only " + passwords.size() + " entries");
		}
		return Set.copyOf(passwords);
	}

}

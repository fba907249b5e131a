package ai.physical.textbook.auth.support;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Inserts users with a complete profile straight into {@code identity.users}, {@code profiles},
 * {@code software_backgrounds} and {@code hardware_backgrounds}, with a password hashed by the application's own
 * {@link PasswordEncoder}. Every user gets a random email, so tests sharing a database never collide.
 */
public final class TestUsers {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	public TestUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
	}

	/** A user with a complete profile: Python + ROS 2, intermediate, Jetson, hobbyist. */
	public TestUser create() {
		UUID id = UUID.randomUUID();
		String email = "reader-" + id + "@example.org";
		String password = "Correct-horse-" + UUID.randomUUID();
		this.jdbc.sql("INSERT INTO identity.users (id, email, name, password_hash) VALUES (:id, :email, :name, :hash)")
			.param("id", id)
			.param("email", email)
			.param("name", "Ada Reader")
			.param("hash", this.passwordEncoder.encode(password))
			.update();
		UUID profileId = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO identity.profiles (id, user_id, profile_complete) VALUES (:id, :userId, true)")
			.param("id", profileId)
			.param("userId", id)
			.update();
		this.jdbc.sql("""
				INSERT INTO identity.software_backgrounds
				    (profile_id, user_id, programming_languages, frameworks, experience_level, specializations,
				     years_of_experience)
				VALUES (:profileId, :userId, ARRAY['Python','C++'], ARRAY['ROS 2'], 'intermediate',
				        ARRAY['computer vision'], 3)
				""").param("profileId", profileId).param("userId", id).update();
		this.jdbc.sql("""
				INSERT INTO identity.hardware_backgrounds
				    (profile_id, user_id, familiar_platforms, robotics_experience, electronics_knowledge, preferred_tools)
				VALUES (:profileId, :userId, ARRAY['Jetson Nano'], 'hobbyist', 'basic', ARRAY['oscilloscope'])
				""").param("profileId", profileId).param("userId", id).update();
		return new TestUser(id, email, password, List.of("user"));
	}

	/** Changes the experience level, as the profile page would. */
	public void setExperienceLevel(UUID userId, String level) {
		this.jdbc.sql("UPDATE identity.software_backgrounds SET experience_level = :level, updated_at = now() "
				+ "WHERE user_id = :userId").param("level", level).param("userId", userId).update();
	}

	/**
	 * A user who can sign in.
	 *
	 * @param id user id, the token subject
	 * @param email sign-in email
	 * @param password raw password
	 * @param roles roles
	 */
	public record TestUser(UUID id, String email, String password, List<String> roles) {

	}

}

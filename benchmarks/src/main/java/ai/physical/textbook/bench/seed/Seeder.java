package ai.physical.textbook.bench.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Loads {@code n} users named {@code bench-user-<i>@bench.example}, each with a complete profile and both backgrounds,
 * in set-based statements (10,000 users take about a second), and writes {@code id<TAB>email} lines for the load
 * generator.
 *
 * <p>Every user gets the same password; its Argon2id hash is computed once here with the auth-server's parameters,
 * so loading costs no hashing per user while signing in costs exactly what it costs in production.
 */
public final class Seeder {

	/** The auth-server's Argon2id parameters (PasswordConfig): 16-byte salt, 32-byte hash, 1 lane, 7 MiB, 5 passes. */
	public static final Argon2PasswordEncoder ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 7 * 1024, 5);

	static final String EMAIL_PREFIX = "bench-user-";

	static final String EMAIL_DOMAIN = "@bench.example";

	private Seeder() {
	}

	public static void run(String[] args) throws SQLException, IOException {
		String jdbcUrl = args[0];
		int users = Integer.parseInt(args[1]);
		String password = args[2];
		Path usersFile = Path.of(args[3]);
		String hash = "{argon2id}" + ARGON2.encode(password);
		long start = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
			connection.setAutoCommit(false);
			seed(connection, users, hash);
			connection.commit();
			List<String> lines = userLines(connection);
			Files.write(usersFile, lines);
			try (Statement statement = connection.createStatement()) {
				statement.execute("ANALYZE identity.users, identity.profiles, identity.software_backgrounds, "
						+ "identity.hardware_backgrounds");
			}
			connection.commit();
			System.out.printf("seeded %d users (%d in file) in %d ms%n", users, lines.size(),
					(System.nanoTime() - start) / 1_000_000);
		}
	}

	static void seed(Connection connection, int users, String passwordHash) throws SQLException {
		try (PreparedStatement insertUsers = connection.prepareStatement("""
				INSERT INTO identity.users (email, name, password_hash)
				SELECT 'bench-user-' || i || '@bench.example', 'Bench Reader ' || i, ?
				FROM generate_series(1, ?) AS i
				ON CONFLICT (email) DO NOTHING""")) {
			insertUsers.setString(1, passwordHash);
			insertUsers.setInt(2, users);
			insertUsers.executeUpdate();
		}
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("""
					INSERT INTO identity.profiles (user_id, profile_complete)
					SELECT id, true FROM identity.users WHERE email LIKE 'bench-user-%'
					ON CONFLICT (user_id) DO NOTHING""");
			// Backgrounds vary with a hash of the email, so caches and queries see a realistic spread of values.
			statement.executeUpdate("""
					INSERT INTO identity.software_backgrounds (profile_id, user_id, programming_languages, frameworks,
					    experience_level, specializations, years_of_experience)
					SELECT p.id, p.user_id,
					    string_to_array((ARRAY['Python,C++', 'Python', 'C++,Rust', 'Python,JavaScript,C'])[1 + abs(hashtext(u.email)) % 4], ','),
					    string_to_array((ARRAY['ROS 2,PyTorch', 'TensorFlow', 'ROS 2,OpenCV,NumPy', 'PyTorch,JAX'])[1 + abs(hashtext(u.email || 'f')) % 4], ','),
					    (ARRAY['beginner','intermediate','advanced','expert'])[1 + abs(hashtext(u.email || 'l')) % 4],
					    string_to_array((ARRAY['computer vision', 'motion planning,control', 'reinforcement learning', 'slam'])[1 + abs(hashtext(u.email || 's')) % 4], ','),
					    abs(hashtext(u.email || 'y')) % 20
					FROM identity.profiles p JOIN identity.users u ON u.id = p.user_id
					WHERE u.email LIKE 'bench-user-%'
					  AND NOT EXISTS (SELECT 1 FROM identity.software_backgrounds s WHERE s.profile_id = p.id)""");
			statement.executeUpdate("""
					INSERT INTO identity.hardware_backgrounds (profile_id, user_id, familiar_platforms, robotics_experience,
					    electronics_knowledge, preferred_tools)
					SELECT p.id, p.user_id,
					    string_to_array((ARRAY['Raspberry Pi', 'Arduino,Jetson Nano', 'Jetson Orin,Raspberry Pi', 'ESP32'])[1 + abs(hashtext(u.email || 'p')) % 4], ','),
					    (ARRAY['none','hobbyist','professional'])[1 + abs(hashtext(u.email || 'r')) % 3],
					    (ARRAY['none','basic','intermediate','advanced'])[1 + abs(hashtext(u.email || 'e')) % 4],
					    string_to_array((ARRAY['Gazebo', 'Isaac Sim,MuJoCo', 'Webots', 'Gazebo,RViz'])[1 + abs(hashtext(u.email || 't')) % 4], ',')
					FROM identity.profiles p JOIN identity.users u ON u.id = p.user_id
					WHERE u.email LIKE 'bench-user-%'
					  AND NOT EXISTS (SELECT 1 FROM identity.hardware_backgrounds h WHERE h.profile_id = p.id)""");
		}
	}

	private static List<String> userLines(Connection connection) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT id, email FROM identity.users WHERE email LIKE 'bench-user-%' ORDER BY email")) {
			while (rs.next()) {
				lines.add(rs.getString(1) + "\t" + rs.getString(2));
			}
		}
		return lines;
	}

}

package ai.physical.textbook.auth.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code identity.users}.
 */
@Repository
public class UserAccountRepository {

	private static final RowMapper<AccountUser> ROW_MAPPER = UserAccountRepository::map;

	private final JdbcClient jdbc;

	public UserAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Emails are compared in their normalized form: trimmed and lower-cased. */
	public static String normalizeEmail(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	public Optional<AccountUser> findByEmail(String email) {
		return this.jdbc.sql("SELECT id, email, name, password_hash, roles FROM identity.users WHERE email = :email")
			.param("email", normalizeEmail(email))
			.query(ROW_MAPPER)
			.optional();
	}

	public Optional<AccountUser> findById(UUID id) {
		return this.jdbc.sql("SELECT id, email, name, password_hash, roles FROM identity.users WHERE id = :id")
			.param("id", id)
			.query(ROW_MAPPER)
			.optional();
	}

	/**
	 * Inserts a user. Throws {@link org.springframework.dao.DuplicateKeyException} when the email is taken.
	 */
	public AccountUser create(String email, String name, String passwordHash, List<String> roles) {
		return this.jdbc.sql("""
				INSERT INTO identity.users (email, name, password_hash, roles)
				VALUES (:email, :name, :hash, :roles)
				RETURNING id, email, name, password_hash, roles
				""")
			.param("email", normalizeEmail(email))
			.param("name", name)
			.param("hash", passwordHash)
			.param("roles", roles.toArray(String[]::new))
			.query(ROW_MAPPER)
			.single();
	}

	public void updatePasswordHash(UUID id, String passwordHash) {
		this.jdbc.sql("UPDATE identity.users SET password_hash = :hash, updated_at = now() WHERE id = :id")
			.param("hash", passwordHash)
			.param("id", id)
			.update();
	}

	/** Adds a role to a user unless they already hold it. */
	public void grantRole(UUID id, String role) {
		this.jdbc.sql("""
				UPDATE identity.users SET roles = array_append(roles, :role), updated_at = now()
				WHERE id = :id AND NOT (:role = ANY (roles))
				""").param("role", role).param("id", id).update();
	}

	private static AccountUser map(ResultSet rs, int rowNum) throws SQLException {
		Array roles = rs.getArray("roles");
		List<String> roleList = (roles != null) ? Arrays.asList((String[]) roles.getArray()) : List.of("user");
		return new AccountUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
				rs.getString("password_hash"), List.copyOf(roleList));
	}

}

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

	private static AccountUser map(ResultSet rs, int rowNum) throws SQLException {
		Array roles = rs.getArray("roles");
		List<String> roleList = (roles != null) ? Arrays.asList((String[]) roles.getArray()) : List.of("user");
		return new AccountUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
				rs.getString("password_hash"), List.copyOf(roleList));
	}

}

package ai.physical.textbook.api.personalization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import ai.physical.textbook.api.catalog.Difficulty;

/**
 * Seed P4-T6: the stored content preferences, one row per user in {@code personalization.user_preferences}. Both
 * methods run under row-level security for the acting user.
 */
@Repository
class PreferencesRepository {

	/**
	 * Inserts the row, or updates it only when a value differs. When the stored row already holds these values the
	 * statement neither writes nor locks it (the {@code NOT EXISTS} guard makes the INSERT produce no row, so the
	 * {@code ON CONFLICT} branch is never reached): rebuilding a context with unchanged preferences, the common case
	 * after a cache expiry or with Redis down, costs one index probe instead of a row update, its WAL and a commit
	 * flush, and concurrent rebuilds for the same reader no longer queue on the row lock. The {@code WHERE} of the
	 * update branch covers a race in which another transaction inserted the same values meanwhile.
	 */
	private static final String STORE_IF_CHANGED = """
			INSERT INTO personalization.user_preferences
			    (user_id, difficulty_setting, focus_areas, preferred_platforms, updated_at)
			SELECT :userId, :difficulty, CAST(:focusAreas AS jsonb), CAST(:platforms AS jsonb), now()
			WHERE NOT EXISTS (
			    SELECT 1 FROM personalization.user_preferences
			    WHERE user_id = :userId AND difficulty_setting = :difficulty
			      AND focus_areas = CAST(:focusAreas AS jsonb) AND preferred_platforms = CAST(:platforms AS jsonb))
			ON CONFLICT (user_id) DO UPDATE SET
			    difficulty_setting = EXCLUDED.difficulty_setting,
			    focus_areas = EXCLUDED.focus_areas,
			    preferred_platforms = EXCLUDED.preferred_platforms,
			    updated_at = now()
			WHERE (user_preferences.difficulty_setting, user_preferences.focus_areas, user_preferences.preferred_platforms)
			    IS DISTINCT FROM (EXCLUDED.difficulty_setting, EXCLUDED.focus_areas, EXCLUDED.preferred_platforms)
			""";

	private static final String FIND = """
			SELECT user_id, difficulty_setting, focus_areas::text AS focus_areas,
			       preferred_platforms::text AS preferred_platforms, updated_at
			FROM personalization.user_preferences WHERE user_id = :userId
			""";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	private final UserScopedTransactions transactions;

	private final JsonMapper json;

	PreferencesRepository(NamedParameterJdbcTemplate jdbc, UserScopedTransactions transactions, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * Stores the user's preferences unless the stored row already holds them.
	 * @return whether a row was inserted or updated
	 */
	boolean storeIfChanged(UUID userId, ContentPreferences preferences) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("userId", userId)
			.addValue("difficulty", preferences.difficultySetting().value())
			.addValue("focusAreas", this.json.writeValueAsString(preferences.focusAreas()))
			.addValue("platforms", this.json.writeValueAsString(preferences.preferredPlatforms()));
		Integer written = this.transactions.asUser(userId, false,
				() -> this.jdbc.update(STORE_IF_CHANGED, parameters));
		return written != null && written > 0;
	}

	/**
	 * @param userId whose preferences
	 * @param actingUser who asks (the row-level security identity)
	 * @param admin whether the acting user is an admin
	 */
	Optional<StoredPreferences> find(UUID userId, UUID actingUser, boolean admin) {
		return this.transactions.asUser(actingUser, admin, () -> this.jdbc
			.query(FIND, new MapSqlParameterSource("userId", userId), (rs, row) -> map(rs))
			.stream()
			.findFirst());
	}

	private StoredPreferences map(ResultSet rs) throws SQLException {
		return new StoredPreferences(rs.getObject("user_id", UUID.class),
				Difficulty.of(rs.getString("difficulty_setting")),
				this.json.readValue(rs.getString("focus_areas"), STRINGS),
				this.json.readValue(rs.getString("preferred_platforms"), STRINGS),
				rs.getTimestamp("updated_at").toInstant());
	}

}

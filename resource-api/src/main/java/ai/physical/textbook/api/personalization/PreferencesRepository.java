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

	private static final String UPSERT = """
			INSERT INTO personalization.user_preferences
			    (user_id, difficulty_setting, focus_areas, preferred_platforms, updated_at)
			VALUES (:userId, :difficulty, CAST(:focusAreas AS jsonb), CAST(:platforms AS jsonb), now())
			ON CONFLICT (user_id) DO UPDATE SET
			    difficulty_setting = EXCLUDED.difficulty_setting,
			    focus_areas = EXCLUDED.focus_areas,
			    preferred_platforms = EXCLUDED.preferred_platforms,
			    updated_at = now()
			RETURNING user_id, difficulty_setting, focus_areas::text AS focus_areas,
			          preferred_platforms::text AS preferred_platforms, updated_at
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

	/** Inserts or replaces the user's preferences and returns the stored row. */
	StoredPreferences upsert(UUID userId, ContentPreferences preferences) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("userId", userId)
			.addValue("difficulty", preferences.difficultySetting().value())
			.addValue("focusAreas", this.json.writeValueAsString(preferences.focusAreas()))
			.addValue("platforms", this.json.writeValueAsString(preferences.preferredPlatforms()));
		return this.transactions.asUser(userId, false,
				() -> this.jdbc.queryForObject(UPSERT, parameters, (rs, row) -> map(rs)));
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

package ai.physical.textbook.auth.profile;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the complete profile of a user in one query (the JOIN of the original plan, with LEFT JOINs so that a user
 * whose profile rows are missing still reads as an empty, incomplete profile).
 */
@Repository
public class ProfileRepository {

	private static final String FIND_COMPLETE = """
			SELECT u.id, u.email, u.name, u.roles, u.created_at,
			       p.id AS profile_id, coalesce(p.profile_complete, false) AS profile_complete,
			       greatest(u.updated_at, p.updated_at, sb.updated_at, hb.updated_at) AS updated_at,
			       sb.programming_languages, sb.frameworks, sb.experience_level, sb.specializations,
			       sb.years_of_experience,
			       hb.familiar_platforms, hb.robotics_experience, hb.electronics_knowledge, hb.preferred_tools
			FROM identity.users u
			LEFT JOIN identity.profiles p ON p.user_id = u.id
			LEFT JOIN identity.software_backgrounds sb ON sb.profile_id = p.id
			LEFT JOIN identity.hardware_backgrounds hb ON hb.profile_id = p.id
			WHERE u.id = :userId
			""";

	private final JdbcClient jdbc;

	public ProfileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CompleteProfile> findComplete(UUID userId) {
		return this.jdbc.sql(FIND_COMPLETE).param("userId", userId).query(ProfileRepository::map).optional();
	}

	/**
	 * Creates the empty profile of a new user (a profile row and both background rows), in the caller's transaction.
	 * @return the profile id
	 */
	public UUID createEmpty(UUID userId) {
		UUID profileId = this.jdbc.sql("INSERT INTO identity.profiles (user_id) VALUES (:userId) RETURNING id")
			.param("userId", userId)
			.query(UUID.class)
			.single();
		this.jdbc.sql("INSERT INTO identity.software_backgrounds (profile_id, user_id) VALUES (:profileId, :userId)")
			.param("profileId", profileId)
			.param("userId", userId)
			.update();
		this.jdbc.sql("INSERT INTO identity.hardware_backgrounds (profile_id, user_id) VALUES (:profileId, :userId)")
			.param("profileId", profileId)
			.param("userId", userId)
			.update();
		return profileId;
	}

	/** Row ids written by {@link #save}. */
	record SavedRows(UUID profileId, UUID softwareId, UUID hardwareId) {
	}

	/**
	 * Writes both backgrounds and the completion flag of a user, creating missing rows. Call inside one transaction.
	 */
	SavedRows save(UUID userId, SoftwareBackground software, HardwareBackground hardware, boolean complete) {
		UUID profileId = this.jdbc.sql("""
				INSERT INTO identity.profiles (user_id, profile_complete) VALUES (:userId, :complete)
				ON CONFLICT (user_id) DO UPDATE SET profile_complete = EXCLUDED.profile_complete, updated_at = now()
				RETURNING id
				""").param("userId", userId).param("complete", complete).query(UUID.class).single();
		UUID softwareId = this.jdbc.sql("""
				INSERT INTO identity.software_backgrounds (profile_id, user_id, programming_languages, frameworks,
				                                           experience_level, specializations, years_of_experience)
				VALUES (:profileId, :userId, :languages, :frameworks, :level, :specializations, :years)
				ON CONFLICT (profile_id) DO UPDATE SET
				    programming_languages = EXCLUDED.programming_languages,
				    frameworks = EXCLUDED.frameworks,
				    experience_level = EXCLUDED.experience_level,
				    specializations = EXCLUDED.specializations,
				    years_of_experience = EXCLUDED.years_of_experience,
				    updated_at = now()
				RETURNING id
				""")
			.param("profileId", profileId)
			.param("userId", userId)
			.param("languages", array(software.programmingLanguages()))
			.param("frameworks", array(software.frameworks()))
			.param("level", software.experienceLevel())
			.param("specializations", array(software.specializations()))
			.param("years", software.yearsOfExperience(), java.sql.Types.INTEGER)
			.query(UUID.class)
			.single();
		UUID hardwareId = this.jdbc.sql("""
				INSERT INTO identity.hardware_backgrounds (profile_id, user_id, familiar_platforms, robotics_experience,
				                                           electronics_knowledge, preferred_tools)
				VALUES (:profileId, :userId, :platforms, :robotics, :electronics, :tools)
				ON CONFLICT (profile_id) DO UPDATE SET
				    familiar_platforms = EXCLUDED.familiar_platforms,
				    robotics_experience = EXCLUDED.robotics_experience,
				    electronics_knowledge = EXCLUDED.electronics_knowledge,
				    preferred_tools = EXCLUDED.preferred_tools,
				    updated_at = now()
				RETURNING id
				""")
			.param("profileId", profileId)
			.param("userId", userId)
			.param("platforms", array(hardware.familiarPlatforms()))
			.param("robotics", hardware.roboticsExperience())
			.param("electronics", hardware.electronicsKnowledge())
			.param("tools", array(hardware.preferredTools()))
			.query(UUID.class)
			.single();
		return new SavedRows(profileId, softwareId, hardwareId);
	}

	private static String[] array(List<String> values) {
		return (values != null) ? values.toArray(String[]::new) : new String[0];
	}

	private static CompleteProfile map(ResultSet rs, int rowNum) throws SQLException {
		Integer years = rs.getObject("years_of_experience", Integer.class);
		SoftwareBackground software = new SoftwareBackground(strings(rs.getArray("programming_languages")),
				strings(rs.getArray("frameworks")), rs.getString("experience_level"),
				strings(rs.getArray("specializations")), years);
		HardwareBackground hardware = new HardwareBackground(strings(rs.getArray("familiar_platforms")),
				rs.getString("robotics_experience"), rs.getString("electronics_knowledge"),
				strings(rs.getArray("preferred_tools")));
		return new CompleteProfile(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
				strings(rs.getArray("roles")), instant(rs.getTimestamp("created_at")),
				rs.getObject("profile_id", UUID.class), rs.getBoolean("profile_complete"), software, hardware,
				instant(rs.getTimestamp("updated_at")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? List.copyOf(Arrays.asList((String[]) array.getArray())) : List.of();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}

package ai.physical.textbook.api.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog stored in {@code personalization.chapters} and {@code personalization.projects}. The catalog changes
 * only with a deployment (it is loaded by Liquibase), so it is read once and kept in memory: ranking never waits for
 * the database.
 */
@Component
class JdbcContentCatalog implements ContentCatalog {

	private static final String CHAPTERS = """
			SELECT slug, position, part, title, summary, difficulty, focus_areas, platforms, frameworks, languages,
			       prerequisites, estimated_minutes
			FROM personalization.chapters ORDER BY position
			""";

	private static final String PROJECTS = """
			SELECT slug, position, title, summary, difficulty, focus_areas, platforms, frameworks, languages,
			       prerequisites, estimated_hours
			FROM personalization.projects ORDER BY position
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private volatile Snapshot snapshot;

	JdbcContentCatalog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Chapter> chapters() {
		return snapshot().chapters();
	}

	@Override
	public List<Project> projects() {
		return snapshot().projects();
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		if (current == null) {
			// Racing loaders read the same rows; the last assignment wins harmlessly.
			current = new Snapshot(List.copyOf(this.jdbc.query(CHAPTERS, (rs, row) -> chapter(rs))),
					List.copyOf(this.jdbc.query(PROJECTS, (rs, row) -> project(rs))));
			this.snapshot = current;
		}
		return current;
	}

	private static Chapter chapter(ResultSet rs) throws SQLException {
		return new Chapter(rs.getString("slug"), rs.getInt("position"), rs.getString("part"), rs.getString("title"),
				rs.getString("summary"), Difficulty.of(rs.getString("difficulty")), strings(rs, "focus_areas"),
				strings(rs, "platforms"), strings(rs, "frameworks"), strings(rs, "languages"),
				strings(rs, "prerequisites"), rs.getInt("estimated_minutes"));
	}

	private static Project project(ResultSet rs) throws SQLException {
		return new Project(rs.getString("slug"), rs.getInt("position"), rs.getString("title"), rs.getString("summary"),
				Difficulty.of(rs.getString("difficulty")), strings(rs, "focus_areas"), strings(rs, "platforms"),
				strings(rs, "frameworks"), strings(rs, "languages"), strings(rs, "prerequisites"),
				rs.getInt("estimated_hours"));
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? List.copyOf(Arrays.asList((String[]) array.getArray())) : List.of();
	}

	private record Snapshot(List<Chapter> chapters, List<Project> projects) {
	}

}

package ai.physical.textbook.api.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The textbook's content as the personalization sees it. The default implementation reads the catalog tables that
 * Liquibase loads; another source (a CMS, the book's own build) can replace it with a {@code @Primary} bean of this type.
 */
public interface ContentCatalog {

	/** All chapters in reading order. */
	List<Chapter> chapters();

	/** All projects in list order. */
	List<Project> projects();

	default Optional<Chapter> chapter(String slug) {
		return chapters().stream().filter((chapter) -> chapter.slug().equals(slug)).findFirst();
	}

	default Optional<Project> project(String slug) {
		return projects().stream().filter((project) -> project.slug().equals(slug)).findFirst();
	}

}

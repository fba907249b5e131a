package ai.physical.textbook.api.catalog;

import java.util.List;

/**
 * What chapters and projects have in common, which is what the recommender ranks on.
 */
public interface CatalogItem {

	String slug();

	int position();

	String title();

	Difficulty difficulty();

	List<String> focusAreas();

	List<String> platforms();

	List<String> frameworks();

	List<String> languages();

	List<String> prerequisites();

}

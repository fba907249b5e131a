package ai.physical.textbook.api.personalization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import ai.physical.textbook.api.catalog.CatalogItem;
import ai.physical.textbook.api.catalog.ContentCatalog;
import ai.physical.textbook.api.catalog.Difficulty;
import ai.physical.textbook.api.catalog.Vocabulary;

/**
 * Seed P4-T5: ranks chapters and projects by fit and explains each pick. The score is a sum of integer points, so
 * the ranking is deterministic; ties go to the item earlier in the book.
 *
 * <table>
 * <caption>Points</caption>
 * <tr><td>difficulty = reader's level</td><td>+4</td></tr>
 * <tr><td>difficulty one above</td><td>+2</td></tr>
 * <tr><td>difficulty one below</td><td>+1</td></tr>
 * <tr><td>each shared focus area (at most 2)</td><td>+3</td></tr>
 * <tr><td>runs on one of the reader's platforms</td><td>+3</td></tr>
 * <tr><td>project needs only hardware the reader did not list</td><td>−3</td></tr>
 * <tr><td>each framework the reader knows (at most 2)</td><td>+2</td></tr>
 * <tr><td>code in the reader's code language</td><td>+1</td></tr>
 * <tr><td>chapter teaches a skill gap</td><td>+3</td></tr>
 * <tr><td>project practises a skill gap (a prerequisite teaches it)</td><td>+2</td></tr>
 * </table>
 * Items more than one level away, and levels hidden by the content preferences, are not recommended.
 */
final class Recommender {

	static final int TOP = 5;

	private Recommender() {
	}

	static Recommendations recommend(Expertise expertise, ContentPreferences preferences, UiAdaptations ui,
			LearningPath path, ContentCatalog catalog) {
		Set<String> frameworks = expertise.software().frameworks().stream().map(Expertise.Skill::tag)
			.filter(Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
		expertise.hardware().tools().forEach((tool) -> Vocabulary.framework(tool).ifPresent(frameworks::add));
		Reader reader = new Reader(preferences.difficultySetting(), preferences, path, Set.copyOf(frameworks),
				Vocabulary.language(ui.codeLanguage()).orElse(null));
		return new Recommendations(top(catalog.chapters(), reader, false), top(catalog.projects(), reader, true));
	}

	private static List<Recommendations.Recommendation> top(List<? extends CatalogItem> items, Reader reader,
			boolean projects) {
		record Scored(CatalogItem item, int score, List<String> reasons) {
		}
		List<Scored> scored = new ArrayList<>();
		for (CatalogItem item : items) {
			if (!eligible(item.difficulty(), reader)) {
				continue;
			}
			List<String> reasons = new ArrayList<>();
			int score = score(item, reader, projects, reasons);
			scored.add(new Scored(item, score, reasons));
		}
		return scored.stream()
			.sorted(Comparator.comparingInt(Scored::score).reversed()
				.thenComparingInt((Scored s) -> s.item().position()))
			.limit(TOP)
			.map((s) -> new Recommendations.Recommendation(s.item().slug(), s.item().title(), s.item().difficulty(),
					s.score(), List.copyOf(s.reasons())))
			.toList();
	}

	private static boolean eligible(Difficulty difficulty, Reader reader) {
		int distance = difficulty.ordinal() - reader.level().ordinal();
		if (Math.abs(distance) > 1) {
			return false;
		}
		if (difficulty == Difficulty.BEGINNER && !reader.preferences().showBeginnerTopics()) {
			return false;
		}
		return difficulty.compareTo(Difficulty.ADVANCED) < 0 || reader.preferences().showAdvancedTopics();
	}

	private static int score(CatalogItem item, Reader reader, boolean project, List<String> reasons) {
		int score = 0;
		int distance = item.difficulty().ordinal() - reader.level().ordinal();
		if (distance == 0) {
			score += 4;
			reasons.add("Matches your level (" + reader.level().value() + ")");
		}
		else if (distance == 1) {
			score += 2;
			reasons.add("A step up from your level (" + item.difficulty().value() + ")");
		}
		else {
			score += 1;
			reasons.add("A refresher below your level (" + item.difficulty().value() + ")");
		}

		List<String> focus = item.focusAreas().stream().filter(reader.preferences().focusAreas()::contains).limit(2)
			.toList();
		if (!focus.isEmpty()) {
			score += 3 * focus.size();
			reasons.add("Covers your focus areas: " + displayList(focus));
		}

		List<String> platforms = item.platforms().stream().filter(reader.preferences().preferredPlatforms()::contains)
			.toList();
		if (!platforms.isEmpty()) {
			score += 3;
			reasons.add("Runs on your " + displayList(platforms));
		}
		else if (project && !item.platforms().isEmpty() && !item.platforms().contains("pc")) {
			score -= 3;
			reasons.add("Needs hardware you did not list: " + displayList(item.platforms()));
		}

		List<String> frameworks = item.frameworks().stream().filter(reader.frameworks()::contains).limit(2).toList();
		if (!frameworks.isEmpty()) {
			score += 2 * frameworks.size();
			reasons.add("Builds on " + displayList(frameworks) + ", which you know");
		}

		if (reader.codeLanguage() != null && item.languages().contains(reader.codeLanguage())) {
			score += 1;
			reasons.add("Code in " + Vocabulary.display(reader.codeLanguage()));
		}

		if (!project) {
			Optional<LearningPath.SkillGap> gap = LearningPathGenerator.gapTaughtBy(reader.path().skillGaps(),
					item.slug());
			if (gap.isPresent()) {
				score += 3;
				reasons.add("Fills a skill gap: " + gap.get().skill());
			}
		}
		else {
			List<String> practised = reader.path().skillGaps().stream()
				.filter((gap) -> item.prerequisites().contains(gap.chapter()))
				.map(LearningPath.SkillGap::skill)
				.toList();
			if (!practised.isEmpty()) {
				score += 2;
				reasons.add("Practises a skill you are building: " + String.join(", ", practised));
			}
		}
		return score;
	}

	private static String displayList(List<String> tags) {
		return tags.stream().map(Vocabulary::display).collect(Collectors.joining(", "));
	}

	/** What the ranking needs to know about the reader, computed once per ranking. */
	private record Reader(Difficulty level, ContentPreferences preferences, LearningPath path, Set<String> frameworks,
			String codeLanguage) {
	}

}

package ai.physical.textbook.api.personalization;

import java.util.Objects;
import java.util.Set;

import ai.physical.textbook.api.catalog.Difficulty;
import ai.physical.textbook.api.catalog.Vocabulary;

/**
 * Seed P4-T4: page adaptations. The code language is the first of the reader's languages the book has code in
 * (default Python), the platform the first of theirs the book covers (default Raspberry Pi). Beginner tips are hidden
 * and advanced notes shown for advanced and expert programmers; hardware setup steps are expanded for readers whose
 * hardware level is intermediate or below.
 */
final class UiAdaptationsBuilder {

	private static final Set<Difficulty> SEASONED = Set.of(Difficulty.ADVANCED, Difficulty.EXPERT);

	private UiAdaptationsBuilder() {
	}

	static UiAdaptations build(Expertise expertise) {
		String codeLanguage = expertise.software().languages().stream().map(Expertise.Skill::tag)
			.filter(Objects::nonNull).findFirst().map(Vocabulary::display).orElse(UiAdaptations.DEFAULT_CODE_LANGUAGE);
		String platform = expertise.hardware().platforms().stream().map(Expertise.Skill::tag).filter(Objects::nonNull)
			.findFirst().map(Vocabulary::display).orElse(UiAdaptations.DEFAULT_PLATFORM);
		boolean seasoned = SEASONED.contains(expertise.software().level());
		return new UiAdaptations(codeLanguage, platform, true,
				expertise.hardware().level().compareTo(Difficulty.INTERMEDIATE) <= 0, !seasoned, seasoned);
	}

	/** The seed's defaults, for a reader about whom nothing usable is known. */
	static UiAdaptations defaults() {
		return new UiAdaptations(UiAdaptations.DEFAULT_CODE_LANGUAGE, UiAdaptations.DEFAULT_PLATFORM, true, true, true,
				false);
	}

}

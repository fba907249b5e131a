package ai.physical.textbook.api.personalization;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Seed P4-T4: how the reader's pages adapt. Defaults (for a background without usable values): Python, Raspberry
 * Pi, beginner tips shown, advanced notes hidden.
 *
 * @param codeLanguage language of code examples: the first of the reader's languages the book has code in
 * @param preferredPlatform the platform of hardware examples: the reader's first platform the book covers
 * @param showCodeExamples whether code examples are shown
 * @param showHardwareSetup whether step-by-step hardware setup (wiring, flashing) is expanded
 * @param showBeginnerTips whether beginner tips are shown (hidden for advanced and expert readers)
 * @param showAdvancedNotes whether advanced notes are shown (for advanced and expert readers)
 */
@Schema(description = "UI adaptations for the reader's pages")
record UiAdaptations(@Schema(example = "Python") String codeLanguage,
		@Schema(example = "Raspberry Pi") String preferredPlatform, boolean showCodeExamples, boolean showHardwareSetup,
		boolean showBeginnerTips, boolean showAdvancedNotes) {

	static final String DEFAULT_CODE_LANGUAGE = "Python";

	static final String DEFAULT_PLATFORM = "Raspberry Pi";

}

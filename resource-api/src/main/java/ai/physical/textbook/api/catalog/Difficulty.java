package ai.physical.textbook.api.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The four levels used for content difficulty and for readers' experience (the seed's experience levels).
 */
public enum Difficulty {

	BEGINNER, INTERMEDIATE, ADVANCED, EXPERT;

	/** The lower-case name used in JSON, the database and tokens. */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The level {@code steps} above (or below, when negative) this one, clamped to the scale. */
	public Difficulty shift(int steps) {
		Difficulty[] all = values();
		return all[Math.max(0, Math.min(all.length - 1, ordinal() + steps))];
	}

	/**
	 * @param value a level name in any case
	 * @return the level
	 * @throws IllegalArgumentException for anything else
	 */
	public static Difficulty of(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}

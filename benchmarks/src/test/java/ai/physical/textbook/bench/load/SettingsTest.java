package ai.physical.textbook.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTest {

	@Test
	void whenLoopbackUrlThenAcceptedWithoutTrailingSlash() {
		Settings settings = new Settings(new String[] { "auth=http://127.0.0.1:19000/", "api=http://localhost:8081" });

		assertThat(settings.loopbackUrl("auth")).isEqualTo("http://127.0.0.1:19000");
		assertThat(settings.loopbackUrl("api")).isEqualTo("http://localhost:8081");
	}

	@Test
	void whenUrlTemplateThenCheckedWithItsPlaceholder() {
		Settings settings = new Settings(new String[] { "url=http://127.0.0.1:19000/api/profile/{userId}" });

		assertThat(settings.loopbackUrl("url")).isEqualTo("http://127.0.0.1:19000/api/profile/{userId}");
	}

	@Test
	void whenAnyOtherHostThenRefused() {
		Settings settings = new Settings(new String[] { "auth=http://10.0.0.5:9000", "api=https://example.org" });

		assertThatIllegalArgumentException().isThrownBy(() -> settings.loopbackUrl("auth")).withMessageContaining("loopback");
		assertThatIllegalArgumentException().isThrownBy(() -> settings.loopbackUrl("api"));
	}

	@Test
	void whenOptionMissingThenFallbackOrClearError() {
		Settings settings = new Settings(new String[] { "c=4" });

		assertThat(settings.integer("c", 16)).isEqualTo(4);
		assertThat(settings.integer("duration", 30)).isEqualTo(30);
		assertThatIllegalArgumentException().isThrownBy(() -> settings.get("nonexistentOption"))
			.withMessageContaining("nonexistentOption");
		assertThatIllegalArgumentException().isThrownBy(() -> new Settings(new String[] { "novalue" }));
	}

}

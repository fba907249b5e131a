package ai.physical.textbook.api.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTests {

	@Test
	void whenReadersWriteNamesTheirWayThenTheyMapToCatalogTags() {
		assertThat(Vocabulary.platform("Raspberry Pi 5")).hasValue("raspberry-pi");
		assertThat(Vocabulary.platform("NVIDIA Jetson Orin Nano")).hasValue("jetson");
		assertThat(Vocabulary.platform("arduino uno")).hasValue("arduino");
		assertThat(Vocabulary.framework("ROS2 Humble")).hasValue("ros2");
		assertThat(Vocabulary.framework("Isaac Sim 4.5")).hasValue("isaac-sim");
		assertThat(Vocabulary.language("C++")).hasValue("cpp");
		assertThat(Vocabulary.language("C/C++")).hasValue("cpp");
		assertThat(Vocabulary.language("python3")).hasValue("python");
		assertThat(Vocabulary.focusAreasOf("Computer Vision")).containsExactly("perception");
		assertThat(Vocabulary.focusAreasOf("Embedded Systems")).containsExactly("embedded");
	}

	@Test
	void whenNameIsUnknownOrBlankThenNoTag() {
		assertThat(Vocabulary.platform("BeagleBone")).isEmpty();
		assertThat(Vocabulary.language("Rust")).isEmpty();
		assertThat(Vocabulary.language("C")).isEmpty();
		assertThat(Vocabulary.framework("  ")).isEmpty();
		assertThat(Vocabulary.framework(null)).isEmpty();
		assertThat(Vocabulary.focusAreasOf("Web Development")).isEmpty();
	}

}

package ai.physical.textbook.common.env;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisUrlTests {

	@Test
	void whenPlainUrlThenDefaults() {
		assertThat(RedisUrl.parse("redis://localhost")).isEqualTo(new RedisUrl("localhost", 6379, null, null, 0, false));
	}

	@Test
	void whenTlsUrlWithUserPasswordAndDatabaseThenAllParsed() {
		assertThat(RedisUrl.parse("rediss://default:p%40ss%2Fw@cache.example.com:6380/3"))
			.isEqualTo(new RedisUrl("cache.example.com", 6380, "default", "p@ss/w", 3, true));
	}

	@Test
	void whenPasswordOnlyThenNoUser() {
		assertThat(RedisUrl.parse("redis://s3cret@localhost:6379")).isEqualTo(
				new RedisUrl("localhost", 6379, null, "s3cret", 0, false));
		assertThat(RedisUrl.parse("redis://:s3cret@localhost:6379/")).isEqualTo(
				new RedisUrl("localhost", 6379, null, "s3cret", 0, false));
	}

	@Test
	void whenBadUrlThenRejectedWithReasonAndNoPassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisUrl.parse("http://localhost"))
			.withMessageContaining("redis://");
		assertThatIllegalArgumentException().isThrownBy(() -> RedisUrl.parse("redis://u:s3cret@localhost/abc"))
			.withMessageContaining("number")
			.withMessageNotContaining("s3cret");
		assertThatIllegalArgumentException().isThrownBy(() -> RedisUrl.parse("redis://u:s3 cret@localhost"))
			.withMessageContaining("not a valid URL")
			.withMessageNotContaining("s3 cret");
		assertThatIllegalArgumentException().isThrownBy(() -> RedisUrl.parse("redis:///0"))
			.withMessageContaining("host");
		assertThatIllegalArgumentException().isThrownBy(() -> RedisUrl.parse(""))
			.withMessageContaining("empty");
	}

	@Test
	void whenPrintedThenPasswordMasked() {
		assertThat(RedisUrl.parse("redis://u:s3cret@localhost").toString()).doesNotContain("s3cret");
	}

}

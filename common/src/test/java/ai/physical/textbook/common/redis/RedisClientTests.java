package ai.physical.textbook.common.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import ai.physical.textbook.common.CommonIntegrationTest;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@CommonIntegrationTest
class RedisClientTests {

	@Autowired
	LettuceConnectionFactory connectionFactory;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void clientReconnectsRejectsCommandsWhileDisconnectedAndHasTimeouts() {
		ClientOptions options = this.connectionFactory.getClientConfiguration().getClientOptions().orElseThrow();
		assertThat(options.isAutoReconnect()).isTrue();
		assertThat(options.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.getSocketOptions().isKeepAlive()).isTrue();
		assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
		assertThat(this.connectionFactory.getClientConfiguration().getCommandTimeout()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void whenRedisGoesAwayThenCommandsFailAndAfterItReturnsTheyWorkAgain() throws Exception {
		this.redis.opsForValue().set("textbook:test:reconnect", "before");
		TestInfrastructure infrastructure = TestInfrastructure.get();
		infrastructure.stopRedis();
		try {
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> this.redis.opsForValue().get("textbook:test:reconnect"));
		}
		finally {
			infrastructure.startRedis();
		}
		// The same connection factory recovers by itself: no restart, no new bean.
		String value = null;
		for (int attempt = 0; attempt < 100 && value == null; attempt++) {
			try {
				this.redis.opsForValue().set("textbook:test:reconnect", "after");
				value = this.redis.opsForValue().get("textbook:test:reconnect");
			}
			catch (RuntimeException ex) {
				// Still reconnecting.
				Thread.sleep(100);
			}
		}
		assertThat(value).isEqualTo("after");
	}

}

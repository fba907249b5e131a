package ai.physical.textbook.bench.load;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadEngineTest {

	@Test
	void whenOperationsFailThenTheyAreCountedAsErrors() throws Exception {
		AtomicInteger calls = new AtomicInteger();

		Result result = LoadEngine.run("test", "-", 2, 0, 1, 1_000_000, (worker) -> () -> {
			Thread.sleep(1);
			return calls.incrementAndGet() % 2 == 0;
		});

		assertThat(result.requests()).isPositive();
		assertThat(result.errors()).isBetween(result.requests() / 2 - 2, result.requests() / 2 + 2);
		assertThat(result.p50Ms()).isGreaterThanOrEqualTo(1.0);
		assertThat(result.concurrency()).isEqualTo(2);
	}

	@Test
	void whenCountBoundReachedThenLoadStopsEarly() throws Exception {
		Result result = LoadEngine.run("test", "-", 4, 0, 30, 200, (worker) -> () -> true);

		assertThat(result.requests()).isBetween(200L, 204L);
		assertThat(result.seconds()).isLessThan(30);
	}

	@Test
	void whenSessionIsExhaustedThenWorkerStops() throws Exception {
		AtomicInteger left = new AtomicInteger(50);

		Result result = LoadEngine.run("test", "-", 1, 0, 30, 1_000_000, (worker) -> new LoadEngine.Session() {
			@Override
			public boolean prepare() {
				return left.getAndDecrement() > 0;
			}

			@Override
			public boolean call() {
				return true;
			}
		});

		assertThat(result.requests()).isEqualTo(50);
		assertThat(result.errors()).isZero();
	}

}

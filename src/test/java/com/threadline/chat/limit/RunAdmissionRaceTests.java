package com.threadline.chat.limit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admissions racing for a tenant's (or a user's) last places: exactly as many are
 * admitted as there are places, whether the places run out while the others are still
 * deciding or not, and the rest get 429.
 */
@Timeout(120)
class RunAdmissionRaceTests extends IntegrationTest {

	@Test
	void twelveRacingRunsOfATenantWithThreePlacesAdmitThree() throws Exception {
		LimitFixtures tenant = new LimitFixtures(this.api, "Admission race", Map.of("active_runs_per_tenant", 3));
		String assistant = tenant.assistant();
		waitingRuns(12);
		assertThat(race(12,
				() -> LimitFixtures.post(tenant.key, "/v1/threads/runs",
						Map.of("assistant_id", assistant, "thread",
								Map.of("messages", List.of(Map.of("role", "user", "content", "Weather?")))))))
			.containsExactlyInAnyOrder(200, 200, 200, 429, 429, 429, 429, 429, 429, 429, 429, 429);
	}

	@Test
	void racingRunsOfOneUserTakeTheUsersPlacesOnly() throws Exception {
		LimitFixtures tenant = new LimitFixtures(this.api, "User admission race",
				Map.of("active_runs_per_user", 2, "active_runs_per_tenant", 100));
		String assistant = tenant.assistant();
		WebTestClient alice = tenant.user("alice");
		List<String> threads = IntStream.range(0, 8).mapToObj(i -> tenant.thread(alice)).toList();
		waitingRuns(8);
		int[] next = { 0 };
		assertThat(race(8, () -> {
			String thread;
			synchronized (next) {
				thread = threads.get(next[0]++);
			}
			return LimitFixtures.post(alice, "/v1/threads/" + thread + "/runs", Map.of("assistant_id", assistant));
		})).containsExactlyInAnyOrder(200, 200, 429, 429, 429, 429, 429, 429);
	}

	@Test
	void anAdmissionUnderWayElsewhereTakesAPlaceUntilItEnds() throws Exception {
		LimitFixtures tenant = new LimitFixtures(this.api, "Admission elsewhere", Map.of("active_runs_per_tenant", 2));
		String assistant = tenant.assistant();
		waitingRuns(2);
		assertThat(LimitFixtures.post(tenant.key, "/v1/threads/runs", Map.of("assistant_id", assistant)).status())
			.isEqualTo(200);
		try (Connection elsewhere = TestDatabase.get().connect()) {
			elsewhere.setAutoCommit(false);
			try (PreparedStatement lock = elsewhere
				.prepareStatement("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))")) {
				lock.setString(1, "threadline.run_admission:" + tenant.tenant.id());
				lock.execute();
			}
			LimitFixtures.Reply refused = LimitFixtures.post(tenant.key, "/v1/threads/runs",
					Map.of("assistant_id", assistant));
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.body().at("/error/message").asString()).contains("active runs per tenant");
			elsewhere.rollback();
		}
		assertThat(LimitFixtures.post(tenant.key, "/v1/threads/runs", Map.of("assistant_id", assistant)).status())
			.isEqualTo(200);
	}

	/** Every admitted run calls the client's function, so it stays active. */
	private void waitingRuns(int count) {
		for (int i = 0; i < count; i++) {
			this.model.enqueue(Script.toolCalls(Script.call("call_" + i, "get_weather", "{}")));
		}
	}

	/** Sends {@code count} requests at once; their statuses. */
	private static List<Integer> race(int count, Supplier<LimitFixtures.Reply> request) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> replies = IntStream.range(0, count).mapToObj(i -> threads.submit(() -> {
				start.await();
				return request.get().status();
			})).toList();
			start.countDown();
			return replies.stream().map(reply -> {
				try {
					return reply.get();
				}
				catch (Exception ex) {
					throw new AssertionError(ex);
				}
			}).toList();
		}
	}

}

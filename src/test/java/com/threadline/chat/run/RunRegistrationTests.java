package com.threadline.chat.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.run.engine.LiveRun;
import com.threadline.chat.run.engine.RunEngine;
import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's live-run registry is keyed by tenant and run, and a caller who may not
 * access a run never reaches its registration.
 */
@Timeout(60)
class RunRegistrationTests extends IntegrationTest {

	@Autowired
	private RunEngine engine;

	@Test
	void theSameRunIdInTwoTenantsIsRegisteredTwiceWithoutOneReplacingTheOther() {
		LiveRun a = this.engine.register("tenant_registry_a", "run_registry_same");
		LiveRun b = this.engine.register("tenant_registry_b", "run_registry_same");
		try {
			assertThat(this.engine.find("tenant_registry_a", "run_registry_same")).containsSame(a);
			assertThat(this.engine.find("tenant_registry_b", "run_registry_same")).containsSame(b);
			assertThat(b.replacesAnother()).isFalse();
			this.engine.abandon(b);
			assertThat(this.engine.find("tenant_registry_a", "run_registry_same")).containsSame(a);
			assertThat(this.engine.find("tenant_registry_b", "run_registry_same")).isEmpty();
		}
		finally {
			this.engine.abandon(a);
			this.engine.abandon(b);
		}
	}

	@Test
	void othersCancelAndToolOutputsForALiveRunAre404WithoutTouchingItsRegistration() throws Exception {
		RunFixtures fixtures = new RunFixtures(this.api, "Registry");
		WebTestClient alice = this.api.as(this.api.userToken(fixtures.tenant, "alice"));
		WebTestClient bob = this.api.as(this.api.userToken(fixtures.tenant, "bob"));
		WebTestClient otherTenant = this.api.as(this.api.newTenant("Registry other").apiKey());
		this.model.enqueue(Script.text("one ", "two ", "three").delay(Duration.ofMillis(200)));
		String assistant = fixtures.assistant();
		String thread = Api
			.post(alice, "/v1/threads", Map.of("messages", List.of(Map.of("role", "user", "content", "Count"))), 200)
			.get("id")
			.asString();
		String run = Api.post(alice, "/v1/threads/" + thread + "/runs", Map.of("assistant_id", assistant), 200)
			.get("id")
			.asString();
		LiveRun live = this.engine.find(fixtures.tenant.id(), run).orElseThrow();
		String path = "/v1/threads/" + thread + "/runs/" + run;
		List<Map<String, String>> outputs = List.of(Map.of("tool_call_id", "call_x", "output", "{}"));

		try (HeldLock held = HeldLock.of(live)) {
			for (WebTestClient stranger : List.of(bob, otherTenant)) {
				long started = System.nanoTime();
				Api.post(stranger, path + "/cancel", Map.of(), 404);
				Api.post(stranger, path + "/submit_tool_outputs", Map.of("tool_outputs", outputs), 404);
				// Answered while the run's lock is held: neither request waited for it.
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
				assertThat(this.engine.find(fixtures.tenant.id(), run)).containsSame(live);
			}
		}

		assertThat(fixtures.awaitRun(thread, run).get("status").asString()).isEqualTo("completed");
	}

	/** Holds a live run's lock on another thread until closed. */
	private record HeldLock(CountDownLatch release, Thread holder) implements AutoCloseable {

		static HeldLock of(LiveRun live) throws InterruptedException {
			CountDownLatch held = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Thread holder = Thread.ofVirtual().start(() -> live.locked(() -> {
				held.countDown();
				try {
					release.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
			return new HeldLock(release, holder);
		}

		@Override
		public void close() throws InterruptedException {
			this.release.countDown();
			this.holder.join();
		}

	}

}

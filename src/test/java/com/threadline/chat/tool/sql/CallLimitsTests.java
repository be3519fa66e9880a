package com.threadline.chat.tool.sql;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.threadline.chat.tool.ToolContext;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The per-tenant and per-turn limits of {@code ask_database} on their own. */
class CallLimitsTests {

	private final CallLimits limits = new CallLimits(2, 3, Duration.ZERO);

	@Test
	void refusesATenantsCallWhileItsLimitOfQueriesRunsAndAdmitsOtherTenants() {
		CallLimits.Permit first = this.limits.admit(new ToolContext("tenant_a", "thread", "run_1", "turn_1"));
		CallLimits.Permit second = this.limits.admit(new ToolContext("tenant_a", "thread", "run_2", "turn_2"));
		assertThatExceptionOfType(CallLimits.Refused.class)
			.isThrownBy(() -> this.limits.admit(new ToolContext("tenant_a", "thread", "run_3", "turn_3")))
			.withMessageContaining("2 queries of this organisation are already running");
		assertThatNoException()
			.isThrownBy(() -> this.limits.admit(new ToolContext("tenant_b", "thread", "run_4", "turn_4")).close());
		first.close();
		assertThatNoException()
			.isThrownBy(() -> this.limits.admit(new ToolContext("tenant_a", "thread", "run_3", "turn_5")).close());
		second.close();
	}

	@Test
	void refusesCallsPastTheCapOfOneModelTurnOnly() {
		ToolContext turn = new ToolContext("tenant_a", "thread", "run_1", "turn_1");
		for (int i = 0; i < 3; i++) {
			this.limits.admit(turn).close();
		}
		assertThatExceptionOfType(CallLimits.Refused.class).isThrownBy(() -> this.limits.admit(turn))
			.withMessageContaining("at most 3 times in one turn");
		assertThatNoException()
			.isThrownBy(() -> this.limits.admit(new ToolContext("tenant_a", "thread", "run_1", "turn_2")).close());
	}

	@Test
	void waitsAtMostTheGivenTimeForARunningQueryToEnd() throws Exception {
		CallLimits waiting = new CallLimits(1, 10, Duration.ofSeconds(30));
		CallLimits.Permit held = waiting.admit(new ToolContext("tenant_a", "thread", "run_1", "turn_1"));
		Thread release = Thread.ofVirtual().start(() -> {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			held.close();
		});
		assertThatNoException()
			.isThrownBy(() -> waiting.admit(new ToolContext("tenant_a", "thread", "run_2", "turn_2")).close());
		release.join();
	}

}

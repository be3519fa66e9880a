package com.threadline.chat.run.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.threadline.chat.run.Ending;
import com.threadline.chat.run.RunLedger;
import com.threadline.chat.run.RunProperties;
import com.threadline.chat.tenant.context.TenantScope;
import com.threadline.chat.tenant.TenantService;

/**
 * Keeps runs honest over time: beats for the runs executing here (and stops those
 * cancelled through another instance), expires runs past {@code expires_at}, and ends
 * runs whose executing instance died — at start-up, every run this instance left behind.
 * <p>
 * Runs are under row-level security forced on their owner, so a query without a tenant
 * sees nothing even when the application owns the tables: these sweeps go tenant by
 * tenant, each in the tenant's scope, rather than around the policy.
 */
@Component
public class RunSweeper implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RunSweeper.class);

	private final TenantService tenants;

	private final RunLedger ledger;

	private final RunProgress progress;

	private final RunEngine engine;

	private final RunProperties properties;

	private final String instance;

	RunSweeper(TenantService tenants, RunLedger ledger, RunProgress progress, RunEngine engine,
			RunProperties properties) {
		this.tenants = tenants;
		this.ledger = ledger;
		this.progress = progress;
		this.engine = engine;
		this.properties = properties;
		this.instance = properties.instance();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::beat, this.properties.heartbeatInterval(),
				this.properties.heartbeatInterval()));
		registrar.addFixedDelayTask(
				new FixedDelayTask(this::sweep, this.properties.sweepInterval(), this.properties.sweepInterval()));
	}

	/** Ends every run a previous process of this instance left executing. */
	@EventListener(ApplicationStartedEvent.class)
	public void recover() {
		forEachTenant(tenant -> endOrphans(tenant, true));
	}

	public void sweep() {
		forEachTenant(tenant -> {
			expire(tenant);
			endOrphans(tenant, false);
		});
	}

	public void beat() {
		Map<String, List<LiveRun>> byTenant = this.engine.all()
			.stream()
			.filter(run -> run.executing)
			.collect(Collectors.groupingBy(run -> run.tenantId));
		byTenant.forEach((tenant, runs) -> inScope(tenant, () -> {
			List<String> cancelling = this.ledger.beat(tenant, runs.stream().map(run -> run.runId).toList());
			runs.stream().filter(run -> cancelling.contains(run.runId)).forEach(run -> run.stop(LiveRun.Stop.CANCEL));
		}));
	}

	private void expire(String tenant) {
		for (String runId : this.ledger.expired(tenant)) {
			LiveRun live = this.engine.find(tenant, runId).filter(run -> run.executing).orElse(null);
			if (live != null) {
				live.stop(LiveRun.Stop.EXPIRE);
			}
			else {
				this.progress.finish(tenant, runId, Ending.expired(), null, "");
			}
		}
	}

	/**
	 * Ends runs no instance executes: with {@code own}, every one recorded as this
	 * instance's; always, those whose owner stopped beating.
	 */
	private void endOrphans(String tenant, boolean own) {
		Instant staleBefore = Instant.now().minus(this.properties.staleAfter());
		for (String runId : this.ledger.orphaned(tenant, this.instance, own, staleBefore)) {
			if (this.engine.find(tenant, runId).isEmpty()) {
				log.warn("Ending run {} of tenant {}: the instance executing it stopped", runId, tenant);
				this.progress.finish(tenant, runId,
						Ending.failed("server_error", "The run was interrupted: the server executing it stopped."),
						null, "");
			}
		}
	}

	private void forEachTenant(Consumer<String> work) {
		for (TenantService.TenantView tenant : this.tenants.list()) {
			inScope(tenant.id(), () -> work.accept(tenant.id()));
		}
	}

	private static void inScope(String tenant, Runnable work) {
		try {
			TenantScope.run(tenant, work);
		}
		catch (RuntimeException ex) {
			log.error("Run maintenance failed for tenant {}", tenant, ex);
		}
	}

}

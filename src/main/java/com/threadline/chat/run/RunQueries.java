package com.threadline.chat.run;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.system.SeqWindow;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.thread.ThreadService;
import com.threadline.chat.thread.ThreadId;

/**
 * The runs API's reads, always through a thread the caller may access: another user's or
 * tenant's run is a 404.
 */
@Component
class RunQueries {

	private final Runs runs;

	private final RunSteps steps;

	private final ThreadService threads;

	RunQueries(Runs runs, RunSteps steps, ThreadService threads) {
		this.runs = runs;
		this.steps = steps;
		this.threads = threads;
	}

	@Transactional(readOnly = true)
	RunView find(Caller caller, String threadId, String runId) {
		return RunView.of(load(caller, threadId, runId));
	}

	@Transactional(readOnly = true)
	ListPage<RunView> list(Caller caller, String threadId, ListQuery query) {
		this.threads.find(caller, ThreadId.of(threadId));
		String tenant = caller.tenantId();
		SeqWindow window = query
			.window(id -> this.runs.findByTenantIdAndThreadIdAndId(tenant, threadId, id).map(run -> run.seq));
		return window.page(this.runs.page(tenant, threadId, window.lo(), window.hi(), window.sort(), window.limit()),
				RunView::of, RunView::id);
	}

	@Transactional(readOnly = true)
	RunStepView step(Caller caller, String threadId, String runId, String stepId) {
		load(caller, threadId, runId);
		return this.steps.findByTenantIdAndRunIdAndId(caller.tenantId(), runId, stepId)
			.map(RunStepView::of)
			.orElseThrow(() -> ApiException.notFound("run step", stepId));
	}

	@Transactional(readOnly = true)
	ListPage<RunStepView> steps(Caller caller, String threadId, String runId, ListQuery query) {
		load(caller, threadId, runId);
		String tenant = caller.tenantId();
		SeqWindow window = query
			.window(id -> this.steps.findByTenantIdAndRunIdAndId(tenant, runId, id).map(step -> step.seq));
		return window.page(this.steps.page(tenant, runId, window.lo(), window.hi(), window.sort(), window.limit()),
				RunStepView::of, RunStepView::id);
	}

	private Run load(Caller caller, String threadId, String runId) {
		this.threads.find(caller, ThreadId.of(threadId));
		return this.runs.findByTenantIdAndThreadIdAndId(caller.tenantId(), threadId, runId)
			.orElseThrow(() -> ApiException.notFound("run", runId));
	}

}

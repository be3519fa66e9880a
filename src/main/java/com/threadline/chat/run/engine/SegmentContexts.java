package com.threadline.chat.run.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.file.FileService;
import com.threadline.chat.run.RunLedger;
import com.threadline.chat.run.RunProperties;
import com.threadline.chat.run.RunStatus;
import com.threadline.chat.run.RunStepView;
import com.threadline.chat.run.RunView;
import com.threadline.chat.run.engine.code.RunToolFiles;
import com.threadline.chat.run.engine.prompt.Prompt;
import com.threadline.chat.run.engine.prompt.PromptHistory;
import com.threadline.chat.thread.MessageService;
import com.threadline.chat.thread.MessageView;
import com.threadline.chat.thread.ThreadFiles;
import com.threadline.chat.tenant.TenantId;
import com.threadline.chat.tenant.context.Durability;
import com.threadline.chat.thread.ThreadId;

/**
 * Reads what a segment of a run starts from, in the transaction that begins the run.
 */
@Component
class SegmentContexts {

	private final MessageService messages;

	private final FileService files;

	private final RunLedger ledger;

	private final RunToolFiles toolFiles;

	private final long contextTokens;

	SegmentContexts(MessageService messages, FileService files, RunLedger ledger, RunToolFiles toolFiles,
			RunProperties properties) {
		this.messages = messages;
		this.files = files;
		this.ledger = ledger;
		this.toolFiles = toolFiles;
		this.contextTokens = properties.contextTokens();
	}

	/**
	 * What a thread and a run held when a segment of the run began: of the thread, only
	 * what the run's prompt can hold, with the URL of each of its image files that is
	 * still an image (read once per segment); the run's steps as stored (with what only
	 * the engine reads); whom its tools act for and the files they may read.
	 */
	record Context(List<MessageView> history, Map<String, String> imageUrls, List<RunStepView> steps,
			ThreadFiles files) {
	}

	/** A run about to execute, and what its segment starts from (none to cancel it). */
	record Start(RunLedger.Begun begun, @Nullable Context context) {
	}

	/**
	 * Moves a queued run to in_progress ({@link RunLedger#begin}) and reads what its
	 * segment starts from, in one transaction; {@code null} when it is not to execute.
	 */
	@Transactional(label = Durability.ASYNC_COMMIT)
	@Nullable Start begin(String tenantId, String runId, String instance) {
		RunLedger.Begun begun = this.ledger.begin(tenantId, runId, instance);
		if (begun == null) {
			return null;
		}
		return new Start(begun, begun.run().is(RunStatus.CANCELLING) ? null : load(tenantId, begun.run()));
	}

	private Context load(String tenantId, RunView run) {
		Prompt.Window window = Prompt.window(run, this.contextTokens);
		List<MessageView> history = this.messages.history(TenantId.of(tenantId), ThreadId.of(run.threadId()), run.id(),
				window.tokens(), window.messages());
		return new Context(history, imageUrls(tenantId, PromptHistory.imageFiles(history, run.id())),
				this.ledger.storedSteps(tenantId, run.id()), this.toolFiles.of(tenantId, run));
	}

	/** One look-up per image file; a file that is gone or not an image has no URL. */
	private Map<String, String> imageUrls(String tenantId, Set<String> fileIds) {
		Map<String, String> urls = new HashMap<>();
		for (String fileId : fileIds) {
			this.files.imageUrl(tenantId, fileId).ifPresent(url -> urls.put(fileId, url));
		}
		return urls;
	}

}

package com.threadline.chat.thread;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.file.FileService;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.system.Metadata;
import com.threadline.chat.system.ObjectIds;
import com.threadline.chat.system.SeqWindow;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.TenantId;
import com.threadline.chat.thread.content.Attachments;
import com.threadline.chat.thread.content.MessageContent;
import com.threadline.chat.thread.content.ReplyContent;

/**
 * Messages of a thread. Callers reach them through a thread they may access; the run
 * engine, which acts for the tenant, writes assistant messages at state changes only
 * (never per token).
 */
@Service
public class MessageService {

	private final Messages messages;

	private final Threads threads;

	private final FileService files;

	MessageService(Messages messages, Threads threads, FileService files) {
		this.messages = messages;
		this.threads = threads;
		this.files = files;
	}

	/**
	 * Adds a message to a thread the caller may access, unless a run holds the thread.
	 */
	@Transactional
	public MessageView create(Caller caller, ThreadId threadId, NewMessage message) {
		ChatThread thread = thread(caller, threadId);
		if (thread.activeRunId != null) {
			throw ApiException.invalid(null,
					"Can't add messages to %s while a run %s is active.".formatted(threadId, thread.activeRunId));
		}
		return insert(caller, threadId, message, "", null, null);
	}

	@Transactional(readOnly = true)
	MessageView find(Caller caller, ThreadId threadId, String messageId) {
		return MessageView.of(load(caller, threadId, messageId));
	}

	@Transactional
	MessageView modify(Caller caller, ThreadId threadId, String messageId, @Nullable Map<String, String> metadata) {
		Message message = load(caller, threadId, messageId);
		if (metadata != null) {
			message.metadata = Metadata.checked(metadata);
		}
		return MessageView.of(this.messages.saveAndFlush(message));
	}

	@Transactional
	void delete(Caller caller, ThreadId threadId, String messageId) {
		this.messages.delete(load(caller, threadId, messageId));
	}

	@Transactional(readOnly = true)
	ListPage<MessageView> list(Caller caller, ThreadId threadId, @Nullable String runId, ListQuery query) {
		thread(caller, threadId);
		SeqWindow window = query
			.window(id -> this.messages.findByTenantIdAndThreadIdAndId(caller.tenantId(), threadId.value(), id)
				.map(message -> message.seq));
		return window.page(this.messages.page(caller.tenantId(), threadId.value(), runId, window.lo(), window.hi(),
				window.sort(), window.limit()), MessageView::of, MessageView::id);
	}

	/**
	 * What a run's prompt is built from, oldest first, in one query: the run's own
	 * replies, and the newest messages of the thread that fit {@code budget} tokens (a
	 * token per four characters of text plus four per message; the newest is always
	 * included), at most {@code last} of them. Older messages are never loaded.
	 */
	@Transactional(readOnly = true)
	public List<MessageView> history(TenantId tenantId, ThreadId threadId, String runId, long budget, int last) {
		// A message costs at least four tokens: the budget never reaches further back.
		long reach = Math.min(last, budget / 4 + 1);
		return this.messages.promptWindow(tenantId.value(), threadId.value(), runId, budget, reach)
			.stream()
			.map(MessageView::of)
			.toList();
	}

	/**
	 * Adds a message on behalf of a run ({@code additional_messages}), bypassing the lock
	 * the run itself holds; its files are checked against the run's caller.
	 */
	@Transactional
	public MessageView addForRun(Caller caller, ThreadId threadId, NewMessage message, String paramPrefix) {
		return insert(caller, threadId, message, paramPrefix, null, null);
	}

	/** Starts the assistant's reply of a run: an empty, {@code in_progress} message. */
	@Transactional
	public MessageView startReply(TenantId tenantId, ThreadId threadId, String assistantId, String runId) {
		Message message = new Message(ObjectIds.next("msg"), tenantId.value(), threadId.value(), "assistant",
				JsonNodeFactory.instance.arrayNode(), "in_progress", JsonNodeFactory.instance.arrayNode(), Map.of());
		message.assistantId = assistantId;
		message.runId = runId;
		return MessageView.of(this.messages.saveAndFlush(message));
	}

	/**
	 * Ends a run's reply with its whole text: {@code completed}, or {@code incomplete}
	 * with {@code reason} (the partial text is kept).
	 */
	@Transactional
	public MessageView finishReply(TenantId tenantId, String messageId, String text, @Nullable String reason) {
		return finishReply(tenantId, messageId, text, reason, ReplyFiles.NONE);
	}

	/**
	 * As {@link #finishReply(TenantId, String, String, String)}, showing the files the
	 * run's tools produced: images before the text, cited files annotated in it.
	 */
	@Transactional
	public MessageView finishReply(TenantId tenantId, String messageId, String text, @Nullable String reason,
			ReplyFiles files) {
		Message message = this.messages.findById(messageId)
			.filter(m -> m.tenantId.equals(tenantId.value()))
			.orElseThrow(() -> ApiException.notFound("message", messageId));
		message.content = ReplyContent.of(text, files);
		if (reason == null) {
			message.status = "completed";
			message.completedAt = Instant.now();
		}
		else {
			message.status = "incomplete";
			message.incompleteAt = Instant.now();
			message.incompleteDetails = JsonNodeFactory.instance.objectNode().put("reason", reason);
		}
		return MessageView.of(this.messages.saveAndFlush(message));
	}

	/**
	 * Writes down the text of a run's reply that is still being written; a reply that has
	 * ended is left as it is.
	 */
	@Transactional
	public void saveReply(TenantId tenantId, String messageId, String text) {
		this.messages.saveReply(tenantId.value(), messageId, ReplyContent.of(text, ReplyFiles.NONE));
	}

	/**
	 * Ends the reply of a run whose executor is gone, if one is still
	 * {@code in_progress}: {@code incomplete} for {@code reason}, with the text last
	 * written down.
	 */
	@Transactional
	public @Nullable MessageView abandonReply(TenantId tenantId, ThreadId threadId, String runId, String reason) {
		Message message = this.messages
			.findByTenantIdAndThreadIdAndRunIdAndStatus(tenantId.value(), threadId.value(), runId, "in_progress")
			.orElse(null);
		if (message == null) {
			return null;
		}
		message.status = "incomplete";
		message.incompleteAt = Instant.now();
		message.incompleteDetails = JsonNodeFactory.instance.objectNode().put("reason", reason);
		return MessageView.of(this.messages.saveAndFlush(message));
	}

	/** The ids of the files attached to a thread's messages for {@code tools} (JSON). */
	List<String> attachedFileIds(TenantId tenantId, ThreadId threadId, String tools) {
		return this.messages.attachedFileIds(tenantId.value(), threadId.value(), tools);
	}

	MessageView insert(Caller caller, ThreadId threadId, NewMessage input, String paramPrefix,
			@Nullable String assistantId, @Nullable String runId) {
		String tenantId = caller.tenantId();
		Attachments.FileCheck fileCheck = (fileId, param) -> this.files.requireOne(caller, fileId, param);
		String role = input.role();
		if (role == null) {
			throw ApiException.invalid(paramPrefix + "role",
					"Missing required parameter: '%srole'.".formatted(paramPrefix));
		}
		if (!role.equals("user") && !role.equals("assistant")) {
			throw ApiException.invalid(paramPrefix + "role",
					"Invalid value: '%s'. Supported values are: 'user' and 'assistant'.".formatted(role));
		}
		JsonNode content = MessageContent.parse(input.content(), paramPrefix + "content", fileCheck);
		JsonNode attachments = Attachments.checked(input.attachments(), paramPrefix + "attachments", fileCheck);
		Message message = new Message(ObjectIds.next("msg"), tenantId, threadId.value(), role, content, "completed",
				attachments, Metadata.checked(input.metadata()));
		message.assistantId = assistantId;
		message.runId = runId;
		message.completedAt = message.createdAt;
		return MessageView.of(this.messages.saveAndFlush(message));
	}

	private ChatThread thread(Caller caller, ThreadId threadId) {
		return this.threads.findByTenantIdAndId(caller.tenantId(), threadId.value())
			.filter(thread -> caller.mayAccess(thread.user))
			.orElseThrow(() -> ApiException.notFound("thread", threadId.value()));
	}

	private Message load(Caller caller, ThreadId threadId, String messageId) {
		thread(caller, threadId);
		return this.messages.findByTenantIdAndThreadIdAndId(caller.tenantId(), threadId.value(), messageId)
			.orElseThrow(() -> ApiException.notFound("message", messageId));
	}

}

package com.threadline.chat.thread;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.file.FileService;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.Limits;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.system.Metadata;
import com.threadline.chat.system.ObjectIds;
import com.threadline.chat.system.SeqWindow;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.TenantId;

/**
 * Threads: an end user sees and changes only their own, an API key all of its tenant's.
 * Someone else's thread is a 404, exactly like one that does not exist.
 */
@Service
public class ThreadService {

	private final Threads threads;

	private final MessageService messages;

	private final FileService files;

	ThreadService(Threads threads, MessageService messages, FileService files) {
		this.threads = threads;
		this.messages = messages;
		this.files = files;
	}

	/**
	 * Creates a thread owned by the calling user (or, for an API key, by {@code user} if
	 * given) with its initial messages.
	 */
	@Transactional
	public ThreadView create(Caller caller, @Nullable String user, @Nullable Map<String, String> metadata,
			@Nullable JsonNode toolResources, @Nullable List<NewMessage> initial) {
		return create(caller, user, metadata, toolResources, initial, "");
	}

	/**
	 * As {@link #create(Caller, String, Map, JsonNode, List)}, for a thread given inside
	 * a larger request: errors name their parameter after {@code paramPrefix} (such as
	 * {@code thread.}).
	 */
	@Transactional
	public ThreadView create(Caller caller, @Nullable String user, @Nullable Map<String, String> metadata,
			@Nullable JsonNode toolResources, @Nullable List<NewMessage> initial, String paramPrefix) {
		String owner = caller.isUser() ? caller.user() : user;
		if (owner != null) {
			Limits.maxLength(owner, paramPrefix + "user", 256);
		}
		refuseUserToolResources(caller, toolResources);
		this.files.requireToolResources(caller, toolResources, paramPrefix + "tool_resources");
		List<NewMessage> messages = (initial != null) ? initial : List.of();
		if (messages.size() > 32) {
			throw ApiException.invalid(paramPrefix + "messages",
					"Invalid '%smessages': array too long. Expected at most 32 messages.".formatted(paramPrefix));
		}
		ChatThread thread = new ChatThread(ObjectIds.next("thread"), caller.tenantId(), owner,
				Metadata.checked(metadata, paramPrefix + "metadata"));
		thread.toolResources = toolResources;
		this.threads.saveAndFlush(thread);
		for (int i = 0; i < messages.size(); i++) {
			this.messages.insert(caller, ThreadId.of(thread.id), messages.get(i),
					"%smessages[%d].".formatted(paramPrefix, i), null, null);
		}
		return ThreadView.of(thread);
	}

	@Transactional(readOnly = true)
	public ThreadView find(Caller caller, ThreadId threadId) {
		return ThreadView.of(load(caller, threadId));
	}

	@Transactional
	ThreadView modify(Caller caller, ThreadId threadId, @Nullable Map<String, String> metadata,
			@Nullable JsonNode toolResources) {
		ChatThread thread = load(caller, threadId);
		refuseUserToolResources(caller, toolResources);
		this.files.requireToolResources(caller, toolResources, "tool_resources");
		if (metadata != null) {
			thread.metadata = Metadata.checked(metadata);
		}
		if (toolResources != null) {
			thread.toolResources = toolResources;
		}
		return ThreadView.of(this.threads.saveAndFlush(thread));
	}

	/**
	 * A thread's {@code tool_resources} feed its runs' tools: an end user's token may not
	 * set them (it would re-program the assistant).
	 */
	private static void refuseUserToolResources(Caller caller, @Nullable JsonNode toolResources) {
		if (caller.isUser() && toolResources != null && !toolResources.isNull()) {
			throw ApiException.invalid("tool_resources",
					"Invalid parameter 'tool_resources': an end user's token may not set it (it would re-program the assistant); only the tenant's API key may.");
		}
	}

	/**
	 * Deletes a thread with its messages and runs, unless a run is active on it (cancel
	 * it first).
	 */
	@Transactional
	void delete(Caller caller, ThreadId threadId) {
		load(caller, threadId);
		if (this.threads.deleteIfIdle(caller.tenantId(), threadId.value()) == 0) {
			ChatThread thread = load(caller, threadId);
			throw ApiException.invalid(null, "Can't delete %s while a run %s is active; cancel the run first."
				.formatted(threadId, thread.activeRunId));
		}
	}

	/**
	 * The caller's threads, newest first by default; an API key may filter by
	 * {@code user}.
	 */
	@Transactional(readOnly = true)
	ListPage<ThreadView> list(Caller caller, @Nullable String user, ListQuery query) {
		String owner = caller.isUser() ? caller.user() : user;
		SeqWindow window = query.window(id -> this.threads.findByTenantIdAndId(caller.tenantId(), id)
			.filter(thread -> owner == null || owner.equals(thread.user))
			.map(thread -> thread.seq));
		return window.page(
				this.threads.page(caller.tenantId(), owner, window.lo(), window.hi(), window.sort(), window.limit()),
				ThreadView::of, ThreadView::id);
	}

	/**
	 * Marks {@code runId} as the thread's active run, or fails with OpenAI's 400 naming
	 * the run that already holds it.
	 */
	@Transactional
	public void lockForRun(TenantId tenantId, ThreadId threadId, String runId) {
		if (this.threads.lock(tenantId.value(), threadId.value(), runId) == 0) {
			ChatThread thread = this.threads.findByTenantIdAndId(tenantId.value(), threadId.value())
				.orElseThrow(() -> ApiException.notFound("thread", threadId.value()));
			throw ApiException.invalid(null,
					"Thread %s already has an active run %s.".formatted(threadId, thread.activeRunId));
		}
	}

	/** Releases the thread if {@code runId} holds it. */
	@Transactional
	public void unlock(TenantId tenantId, ThreadId threadId, String runId) {
		this.threads.unlock(tenantId.value(), threadId.value(), runId);
	}

	/**
	 * Whom a thread's runs act for and the files it gives {@code tool} (none for
	 * {@code null}): its {@code tool_resources} and its messages' attachments for that
	 * tool.
	 */
	@Transactional(readOnly = true)
	public ThreadFiles files(TenantId tenantId, ThreadId threadId, @Nullable String tool) {
		ChatThread thread = this.threads.findByTenantIdAndId(tenantId.value(), threadId.value())
			.orElseThrow(() -> ApiException.notFound("thread", threadId.value()));
		if (tool == null) {
			return new ThreadFiles(thread.user, List.of());
		}
		Set<String> ids = new LinkedHashSet<>();
		if (thread.toolResources != null) {
			thread.toolResources.path(tool).path("file_ids").forEach(id -> {
				if (id.isString()) {
					ids.add(id.asString());
				}
			});
		}
		String tools = JsonNodeFactory.instance.arrayNode()
			.add(JsonNodeFactory.instance.objectNode().put("type", tool))
			.toString();
		ids.addAll(this.messages.attachedFileIds(tenantId, threadId, tools));
		return new ThreadFiles(thread.user, List.copyOf(ids));
	}

	ChatThread load(Caller caller, ThreadId threadId) {
		return this.threads.findByTenantIdAndId(caller.tenantId(), threadId.value())
			.filter(thread -> caller.mayAccess(thread.user))
			.orElseThrow(() -> ApiException.notFound("thread", threadId.value()));
	}

}

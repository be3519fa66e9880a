package com.threadline.chat.assistant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.modelaccess.ModelAccess;
import com.threadline.chat.file.FileService;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.TenantId;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.Limits;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.system.Metadata;
import com.threadline.chat.system.ObjectIds;
import com.threadline.chat.system.SeqWindow;
import com.threadline.chat.tool.ToolExecutors;

/**
 * Assistants of a tenant. Every query is filtered by the tenant; row-level security
 * filters again.
 */
@Service
public class AssistantService {

	private final Assistants assistants;

	private final AssistantExtensions extensions;

	private final ModelAccess models;

	private final FileService files;

	private final ToolExecutors executors;

	AssistantService(Assistants assistants, AssistantExtensions extensions, ModelAccess models, FileService files,
			ToolExecutors executors) {
		this.assistants = assistants;
		this.extensions = extensions;
		this.models = models;
		this.files = files;
		this.executors = executors;
	}

	/**
	 * Checks that the built-in tools of a {@code tools} array (a run's override) can run
	 * on this server; otherwise a 400 naming {@code param[i].type}.
	 */
	public void requireAvailable(JsonNode tools, String param) {
		Tools.requireAvailable(tools, param, this.executors);
	}

	/**
	 * The fields of a create or modify request; on modify, {@code null} leaves a field as
	 * it is. {@code serverTools}, {@code maxPromptTokens} and {@code maxCompletionTokens}
	 * are extensions (see {@link AssistantView}).
	 */
	public record Changes(@Nullable String model, @Nullable String name, @Nullable String description,
			@Nullable String instructions, @Nullable JsonNode tools, @Nullable JsonNode toolResources,
			@Nullable Map<String, String> metadata, @Nullable Double temperature, @Nullable Double topP,
			@Nullable JsonNode responseFormat, @Nullable JsonNode serverTools, @Nullable Long maxPromptTokens,
			@Nullable Long maxCompletionTokens) {
	}

	/** The tenant's assistant, or 404. */
	@Transactional(readOnly = true)
	public AssistantView find(TenantId tenantId, AssistantId assistantId) {
		return AssistantView.of(load(tenantId, assistantId));
	}

	/** The tenant's assistant, if it exists. */
	@Transactional(readOnly = true)
	public Optional<AssistantView> findIfPresent(TenantId tenantId, AssistantId assistantId) {
		return this.assistants.findByTenantIdAndId(tenantId.value(), assistantId.value()).map(AssistantView::of);
	}

	@Transactional
	public AssistantView create(TenantId tenantId, Changes changes) {
		if (changes.model() == null || changes.model().isBlank()) {
			throw ApiException.invalid("model", "Missing required parameter: 'model'.");
		}
		this.models.check(tenantId.value(), changes.model());
		Assistant assistant = new Assistant(ObjectIds.next("asst"), tenantId.value(), changes.model(),
				Tools.checked(changes.tools(), "tools"), Metadata.checked(changes.metadata()));
		requireAvailable(assistant.tools, "tools");
		apply(assistant, changes);
		return AssistantView.of(this.assistants.save(assistant));
	}

	@Transactional
	AssistantView modify(TenantId tenantId, AssistantId assistantId, Changes changes) {
		Assistant assistant = load(tenantId, assistantId);
		if (changes.model() != null) {
			if (changes.model().isBlank()) {
				throw ApiException.invalid("model", "Invalid 'model': expected a non-empty string.");
			}
			this.models.check(tenantId.value(), changes.model());
			assistant.model = changes.model();
		}
		if (changes.tools() != null) {
			assistant.tools = Tools.checked(changes.tools(), "tools");
			requireAvailable(assistant.tools, "tools");
		}
		if (changes.metadata() != null) {
			assistant.metadata = Metadata.checked(changes.metadata());
		}
		apply(assistant, changes);
		return AssistantView.of(this.assistants.saveAndFlush(assistant));
	}

	/**
	 * Sets which server-side tools the assistant's runs execute on the server (the
	 * operator's and the demo's way; a tenant may also send {@code server_tools}).
	 */
	@Transactional
	public AssistantView setServerTools(TenantId tenantId, AssistantId assistantId, List<String> names) {
		Assistant assistant = load(tenantId, assistantId);
		assistant.serverTools = names.toArray(String[]::new);
		return AssistantView.of(this.assistants.saveAndFlush(assistant));
	}

	@Transactional
	void delete(TenantId tenantId, AssistantId assistantId) {
		this.assistants.delete(load(tenantId, assistantId));
	}

	@Transactional(readOnly = true)
	ListPage<AssistantView> list(TenantId tenantId, ListQuery query) {
		SeqWindow window = query
			.window(id -> this.assistants.findByTenantIdAndId(tenantId.value(), id).map(assistant -> assistant.seq));
		return window.page(
				this.assistants.page(tenantId.value(), window.lo(), window.hi(), window.sort(), window.limit()),
				AssistantView::of, AssistantView::id);
	}

	private Assistant load(TenantId tenantId, AssistantId assistantId) {
		return this.assistants.findByTenantIdAndId(tenantId.value(), assistantId.value())
			.orElseThrow(() -> ApiException.notFound("assistant", assistantId.value()));
	}

	private void apply(Assistant assistant, Changes changes) {
		this.extensions.apply(assistant, changes);
		if (changes.name() != null) {
			assistant.name = Limits.maxLength(changes.name(), "name", 256);
		}
		if (changes.description() != null) {
			assistant.description = Limits.maxLength(changes.description(), "description", 512);
		}
		if (changes.instructions() != null) {
			assistant.instructions = Limits.maxLength(changes.instructions(), "instructions", 256_000);
		}
		if (changes.toolResources() != null) {
			// Only the tenant's API key writes assistants: it may name any of the
			// tenant's files.
			this.files.requireToolResources(Caller.apiKey(assistant.tenantId), changes.toolResources(),
					"tool_resources");
			assistant.toolResources = changes.toolResources().isNull() ? null : changes.toolResources();
		}
		if (changes.temperature() != null) {
			assistant.temperature = Limits.between0And(changes.temperature(), "temperature", 2.0);
		}
		if (changes.topP() != null) {
			assistant.topP = Limits.between0And(changes.topP(), "top_p", 1.0);
		}
		if (changes.responseFormat() != null) {
			assistant.responseFormat = ResponseFormats.checked(changes.responseFormat(), "response_format");
		}
	}

}

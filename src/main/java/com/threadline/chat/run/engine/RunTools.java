package com.threadline.chat.run.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.context.TenantScope;
import com.threadline.chat.tool.ToolCall;
import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolDefinition;
import com.threadline.chat.tool.ToolExecutor;
import com.threadline.chat.tool.ToolExecutors;
import com.threadline.chat.tool.ToolResult;

/**
 * The tools of a run as the model sees them, and the server-side ones executed. A
 * declared function with a server-side executor that the run's assistant has enabled
 * ({@code server_tools}) is offered with the executor's own definition;
 * {@code code_interpreter} is offered as the executor of that name, if there is one;
 * anything else, a function merely named like a server-side tool included, is a client
 * function answered through {@code requires_action}, as on OpenAI.
 */
@Component
class RunTools {

	private static final Logger log = LoggerFactory.getLogger(RunTools.class);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String CODE_INTERPRETER = "code_interpreter";

	private final ToolExecutors executors;

	RunTools(ToolExecutors executors) {
		this.executors = executors;
	}

	/**
	 * The chat-completions {@code tools} of a run by function name, and which of them the
	 * server answers itself.
	 */
	record Offered(Map<String, JsonNode> functions, Set<String> serverSide) {

		boolean isServerSide(String name) {
			return this.serverSide.contains(name);
		}

	}

	/**
	 * What a run with {@code runTools} and its assistant's {@code serverTools} offers.
	 */
	Offered offered(JsonNode runTools, List<String> serverTools) {
		Map<String, JsonNode> offered = new LinkedHashMap<>();
		Set<String> serverSide = new HashSet<>();
		for (JsonNode tool : runTools) {
			String type = tool.path("type").asString("");
			String name = type.equals("function") ? tool.path("function").path("name").asString("")
					: type.equals(CODE_INTERPRETER) ? CODE_INTERPRETER : "";
			boolean enabled = type.equals(CODE_INTERPRETER) || serverTools.contains(name);
			ToolExecutor executor = enabled ? this.executors.find(name).orElse(null) : null;
			if (executor != null) {
				offered.put(name, function(executor.definition()));
				serverSide.add(name);
			}
			else if (type.equals("function")) {
				offered.put(name, tool);
			}
		}
		return new Offered(offered, Set.copyOf(serverSide));
	}

	/**
	 * Runs server-side calls at once, each on its own virtual thread, for the run's
	 * tenant.
	 */
	List<ToolResult> execute(List<ToolCall> calls, ToolContext context) {
		List<ToolResult> results = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<ToolResult>> pending = new ArrayList<>();
			for (ToolCall call : calls) {
				pending
					.add(threads.submit(() -> TenantScope.call(context.tenantId(), () -> executeOne(call, context))));
			}
			for (Future<ToolResult> result : pending) {
				results.add(outcome(result));
			}
		}
		return results;
	}

	/**
	 * The model's {@code tool_choice}: as given, with {@code code_interpreter} as a
	 * function.
	 */
	static @Nullable JsonNode toolChoice(JsonNode choice, Map<String, JsonNode> offered) {
		if (offered.isEmpty()) {
			return null;
		}
		String type = choice.path("type").asString("");
		if (type.equals(CODE_INTERPRETER)) {
			return NODES.objectNode().put("type", "function").set("function", NODES.objectNode().put("name", type));
		}
		return type.equals("file_search") ? NODES.stringNode("auto") : choice;
	}

	private ToolResult executeOne(ToolCall call, ToolContext context) {
		ToolExecutor executor = this.executors.find(call.name()).orElseThrow();
		try {
			return executor.execute(call, context);
		}
		catch (RuntimeException ex) {
			log.warn("Tool {} failed on run {}", call.name(), context.runId(), ex);
			return ToolResult.error("The tool " + call.name() + " failed: " + ex.getMessage());
		}
	}

	private static ToolResult outcome(Future<ToolResult> result) {
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ToolResult.error("The tool call was interrupted.");
		}
		catch (ExecutionException ex) {
			return ToolResult.error("The tool call failed: " + ex.getCause().getMessage());
		}
	}

	private static ObjectNode function(ToolDefinition definition) {
		ObjectNode function = NODES.objectNode()
			.put("name", definition.name())
			.put("description", definition.description());
		function.set("parameters", definition.parameters());
		return NODES.objectNode().put("type", "function").set("function", function);
	}

}

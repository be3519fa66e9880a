package com.threadline.chat.run.engine;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.run.engine.code.CodeInput;
import com.threadline.chat.run.engine.code.CodeInterpreterCall;
import com.threadline.chat.tool.ToolCall;
import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolResult;

/**
 * The function calls of one model turn once the server has answered the calls it can:
 * every call with its output so far (the step's {@code tool_calls}), and those the client
 * must answer (the run's {@code required_action}).
 *
 * @param toolCalls every call, {@code function.output} filled for server-side ones, a
 * {@code code_interpreter} call in its own shape with its outputs
 * @param clientCalls the calls left to the client, as {@code required_action} lists them
 */
record ToolCallRound(ArrayNode toolCalls, ArrayNode clientCalls) {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Runs the turn's server-side calls (all at once) and sorts out the rest. */
	static ToolCallRound execute(List<TurnCalls.Call> calls, RunTools tools, RunTools.Offered offered,
			ToolContext context) {
		List<ToolCall> server = new ArrayList<>();
		for (TurnCalls.Call call : calls) {
			if (offered.isServerSide(call.name.toString())) {
				server.add(new ToolCall(call.id, call.name.toString(), call.arguments.toString()));
			}
		}
		List<ToolResult> results = server.isEmpty() ? List.of() : tools.execute(server, context);
		ArrayNode toolCalls = NODES.arrayNode();
		ArrayNode clientCalls = NODES.arrayNode();
		int next = 0;
		for (TurnCalls.Call call : calls) {
			boolean serverSide = next < server.size() && server.get(next).id().equals(call.id);
			ToolResult result = serverSide ? results.get(next++) : null;
			boolean code = result != null && call.name.toString().equals(CodeInterpreterCall.TYPE);
			toolCalls.add(code ? CodeInterpreterCall.recorded(call.id, CodeInput.of(call.arguments.toString()), result)
					: toolCall(call, (result != null) ? result.output() : null));
			if (!serverSide) {
				clientCalls
					.add(NODES.objectNode().put("id", call.id).put("type", "function").set("function", function(call)));
			}
		}
		return new ToolCallRound(toolCalls, clientCalls);
	}

	/** The step deltas of the code_interpreter calls' outputs, by call index. */
	List<JsonNode> outputDeltas() {
		List<JsonNode> deltas = new ArrayList<>();
		for (int i = 0; i < this.toolCalls.size(); i++) {
			JsonNode call = this.toolCalls.get(i);
			if (CodeInterpreterCall.is(call) && !call.path(CodeInterpreterCall.TYPE).path("outputs").isEmpty()) {
				deltas.add(CodeInterpreterCall.outputs(i, call));
			}
		}
		return deltas;
	}

	boolean waitsForClient() {
		return !this.clientCalls.isEmpty();
	}

	/** The run's {@code required_action} for the client calls. */
	JsonNode requiredAction() {
		return NODES.objectNode()
			.put("type", "submit_tool_outputs")
			.set("submit_tool_outputs", NODES.objectNode().set("tool_calls", this.clientCalls));
	}

	private static ObjectNode toolCall(TurnCalls.Call call, @Nullable String output) {
		ObjectNode function = function(call);
		if (output != null) {
			function.put("output", output);
		}
		else {
			function.putNull("output");
		}
		return NODES.objectNode().put("id", call.id).put("type", "function").set("function", function);
	}

	private static ObjectNode function(TurnCalls.Call call) {
		return NODES.objectNode().put("name", call.name.toString()).put("arguments", call.arguments.toString());
	}

}

package com.threadline.chat.run.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.llm.ModelEvent;
import com.threadline.chat.run.engine.code.CodeInput;
import com.threadline.chat.run.engine.code.CodeInterpreterCall;
import com.threadline.chat.system.ObjectIds;

/**
 * The function calls of one model reply as their deltas stream in, and the step delta
 * each one makes. A call's {@code id} and {@code name} go in its first delta only, as the
 * SDKs merge deltas; a server-side code_interpreter call streams its code as it decodes.
 */
final class TurnCalls {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final RunTools.Offered offered;

	private final List<Call> calls = new ArrayList<>();

	private final Map<Integer, Call> byModelIndex = new HashMap<>();

	/** A function call as it accumulates. */
	static final class Call {

		final String id;

		final StringBuilder name = new StringBuilder();

		final StringBuilder arguments = new StringBuilder();

		/** The code as it streams, for a call of the server's code_interpreter. */
		@Nullable CodeInput code;

		Call(String id) {
			this.id = id;
		}

	}

	TurnCalls(RunTools.Offered offered) {
		this.offered = offered;
	}

	/**
	 * Takes a delta of the model's calls; returns the entry of the step delta it makes,
	 * or {@code null} when it adds nothing to show.
	 */
	@Nullable JsonNode add(ModelEvent.ToolCallDelta delta) {
		Call call = this.byModelIndex.get(delta.index());
		if (call == null && CodeInterpreterCall.TYPE.equals(delta.name())
				&& this.offered.isServerSide(CodeInterpreterCall.TYPE)) {
			call = open(delta.index(), new CodeInput());
			call.name.append(delta.name());
			call.arguments.append(delta.arguments());
			return CodeInterpreterCall.opening(this.calls.size() - 1, call.id, call.code.append(delta.arguments()));
		}
		if (call != null && call.code != null) {
			call.arguments.append(delta.arguments());
			String piece = call.code.append(delta.arguments());
			return piece.isEmpty() ? null : CodeInterpreterCall.input(this.calls.indexOf(call), piece);
		}
		return (call == null) ? first(delta) : more(call, delta);
	}

	private JsonNode first(ModelEvent.ToolCallDelta delta) {
		Call call = open(delta.index(), null);
		ObjectNode function = NODES.objectNode()
			.put("name", (delta.name() != null) ? delta.name() : "")
			.put("arguments", delta.arguments())
			.putNull("output");
		append(call, delta);
		return entry(this.calls.size() - 1, call.id, function);
	}

	private @Nullable JsonNode more(Call call, ModelEvent.ToolCallDelta delta) {
		ObjectNode function = NODES.objectNode();
		if (delta.name() != null && !delta.name().isEmpty()) {
			function.put("name", delta.name());
		}
		if (delta.arguments().isEmpty() && function.isEmpty()) {
			return null;
		}
		function.put("arguments", delta.arguments());
		append(call, delta);
		return entry(this.calls.indexOf(call), null, function);
	}

	/**
	 * The deltas with what is left of each code_interpreter call's code once the reply is
	 * in, so that its input deltas add up to the code the step records.
	 */
	List<JsonNode> rest() {
		List<JsonNode> deltas = new ArrayList<>();
		for (int i = 0; i < this.calls.size(); i++) {
			Call call = this.calls.get(i);
			String rest = (call.code != null) ? call.code.rest(CodeInput.of(call.arguments.toString())) : "";
			if (!rest.isEmpty()) {
				deltas.add(CodeInterpreterCall.input(i, rest));
			}
		}
		return deltas;
	}

	List<Call> all() {
		return this.calls;
	}

	private Call open(int modelIndex, @Nullable CodeInput code) {
		Call call = new Call(ObjectIds.next("call"));
		call.code = code;
		this.calls.add(call);
		this.byModelIndex.put(modelIndex, call);
		return call;
	}

	private static void append(Call call, ModelEvent.ToolCallDelta delta) {
		if (delta.name() != null) {
			call.name.append(delta.name());
		}
		call.arguments.append(delta.arguments());
	}

	private static JsonNode entry(int index, @Nullable String id, ObjectNode function) {
		ObjectNode entry = NODES.objectNode().put("index", index);
		if (id != null) {
			entry.put("id", id);
		}
		return entry.put("type", "function").set("function", function);
	}

}

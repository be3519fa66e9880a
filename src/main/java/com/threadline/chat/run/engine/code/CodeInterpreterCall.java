package com.threadline.chat.run.engine.code;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.tool.ToolResult;

/**
 * A {@code code_interpreter} call in OpenAI's shapes: as a step records it ({@code {id,
 * type, code_interpreter: {input, outputs}}}) and as its deltas stream. The stored call
 * also keeps, under private keys no client sees ({@link #forClients}), the text the model
 * read and the files the code wrote, so that a run resumed on any instance prompts the
 * model the same and its reply can cite those files.
 */
public final class CodeInterpreterCall {

	public static final String TYPE = "code_interpreter";

	/** Private: the text the model read as the call's result. */
	public static final String MODEL_OUTPUT = "_model_output";

	/** Private: the files the code wrote, {@code [{file_id, path}]}. */
	public static final String FILES = "_files";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private CodeInterpreterCall() {
	}

	/** The call as its step records it once it has run. */
	public static ObjectNode recorded(String id, String input, ToolResult result) {
		ArrayNode outputs = NODES.arrayNode();
		ArrayNode files = NODES.arrayNode();
		for (ToolResult.Output output : result.outputs()) {
			switch (output) {
				case ToolResult.Output.Logs logs ->
					outputs.add(NODES.objectNode().put("type", "logs").put("logs", logs.logs()));
				case ToolResult.Output.Image image -> outputs.add(NODES.objectNode()
					.put("type", "image")
					.set("image", NODES.objectNode().put("file_id", image.fileId())));
				case ToolResult.Output.File file ->
					files.add(NODES.objectNode().put("file_id", file.fileId()).put("path", file.path()));
			}
		}
		if (result.error() && outputs.isEmpty()) {
			outputs.add(NODES.objectNode().put("type", "logs").put("logs", result.output()));
		}
		ObjectNode call = NODES.objectNode().put("id", id).put("type", TYPE);
		call.set(TYPE, NODES.objectNode().put("input", input).set("outputs", outputs));
		call.put(MODEL_OUTPUT, result.output());
		call.set(FILES, files);
		return call;
	}

	public static boolean is(JsonNode call) {
		return TYPE.equals(call.path("type").asString(""));
	}

	/** The first delta of a call: its id and type, and the code so far. */
	public static ObjectNode opening(int index, String id, String input) {
		ObjectNode delta = NODES.objectNode().put("index", index).put("id", id).put("type", TYPE);
		delta.set(TYPE, NODES.objectNode().put("input", input).set("outputs", NODES.arrayNode()));
		return delta;
	}

	/** A later delta: more of the code. */
	public static ObjectNode input(int index, String input) {
		return NODES.objectNode()
			.put("index", index)
			.put("type", TYPE)
			.set(TYPE, NODES.objectNode().put("input", input));
	}

	/** The delta of a recorded call's outputs, each with its index. */
	public static ObjectNode outputs(int index, JsonNode recorded) {
		ArrayNode outputs = NODES.arrayNode();
		for (JsonNode output : recorded.path(TYPE).path("outputs")) {
			outputs.add(NODES.objectNode().put("index", outputs.size()).setAll((ObjectNode) output));
		}
		return NODES.objectNode()
			.put("index", index)
			.put("type", TYPE)
			.set(TYPE, NODES.objectNode().set("outputs", outputs));
	}

	/** The text the model read, also for a call recorded without it. */
	public static String modelOutput(JsonNode call) {
		if (call.path(MODEL_OUTPUT).isString()) {
			return call.path(MODEL_OUTPUT).asString();
		}
		StringBuilder logs = new StringBuilder();
		call.path(TYPE).path("outputs").forEach(output -> logs.append(output.path("logs").asString("")));
		return logs.toString();
	}

	/** The ids of the images the call showed, in order. */
	public static List<String> images(JsonNode call) {
		return call.path(TYPE)
			.path("outputs")
			.valueStream()
			.filter(output -> output.path("type").asString("").equals("image"))
			.map(output -> output.path("image").path("file_id").asString(""))
			.filter(id -> !id.isEmpty())
			.toList();
	}

	/** The files the call wrote. */
	public static JsonNode files(JsonNode call) {
		return call.path(FILES);
	}

	/**
	 * Step details as clients get them: OpenAI's shape, without the private keys of
	 * {@code code_interpreter} calls.
	 */
	public static JsonNode forClients(JsonNode stepDetails) {
		JsonNode calls = stepDetails.path("tool_calls");
		if (!calls.valueStream().anyMatch(call -> call.has(MODEL_OUTPUT) || call.has(FILES))) {
			return stepDetails;
		}
		JsonNode copy = stepDetails.deepCopy();
		for (JsonNode call : copy.path("tool_calls")) {
			((ObjectNode) call).remove(List.of(MODEL_OUTPUT, FILES));
		}
		return copy;
	}

}

package com.threadline.chat.run.engine.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.run.engine.prompt.Transcript;
import com.threadline.chat.thread.ReplyFiles;
import com.threadline.chat.tool.ToolResult;
import com.threadline.chat.tool.ToolResult.Output;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a code_interpreter call is recorded, shown to clients, streamed, given back to the
 * model, and shown by the next reply.
 */
class CodeInterpreterCallTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final ToolResult RESULT = new ToolResult("4\nImage shown to the user: file-img", false, List
		.of(new Output.Logs("4\n"), new Output.Image("file-img"), new Output.File("file-csv", "/mnt/data/x.csv")));

	@Test
	void recordsTheCallInOpenAisShapeAndKeepsWhatOnlyTheEngineReads() {
		ObjectNode call = CodeInterpreterCall.recorded("call_1", "print(2 + 2)", RESULT);
		JsonNode client = CodeInterpreterCall.forClients(details(call)).path("tool_calls").get(0);
		assertThat(client).isEqualTo(JSON.readTree(
				"""
						{"id": "call_1", "type": "code_interpreter", "code_interpreter": {"input": "print(2 + 2)",
						 "outputs": [{"type": "logs", "logs": "4\\n"}, {"type": "image", "image": {"file_id": "file-img"}}]}}"""));
		assertThat(call.get(CodeInterpreterCall.MODEL_OUTPUT).asString()).isEqualTo(RESULT.output());
		assertThat(call.get(CodeInterpreterCall.FILES))
			.isEqualTo(JSON.readTree("[{\"file_id\": \"file-csv\", \"path\": \"/mnt/data/x.csv\"}]"));
		assertThat(CodeInterpreterCall.images(call)).containsExactly("file-img");
	}

	@Test
	void recordsAnErrorWithoutLogsAsItsMessage() {
		ObjectNode call = CodeInterpreterCall.recorded("call_2", "x",
				ToolResult.error("The sandbox is not installed."));
		assertThat(call.at("/code_interpreter/outputs"))
			.isEqualTo(JSON.readTree("[{\"type\": \"logs\", \"logs\": \"The sandbox is not installed.\"}]"));
		ObjectNode withLogs = CodeInterpreterCall.recorded("call_3", "1/0",
				new ToolResult("ZeroDivisionError", true, List.of(new Output.Logs("Traceback: ZeroDivisionError"))));
		assertThat(withLogs.at("/code_interpreter/outputs")).hasSize(1);
		assertThat(withLogs.at("/code_interpreter/outputs/0/logs").asString())
			.isEqualTo("Traceback: ZeroDivisionError");
	}

	@Test
	void streamsTheOutputsWithTheirIndexes() {
		JsonNode delta = CodeInterpreterCall.outputs(1, CodeInterpreterCall.recorded("call_1", "x", RESULT));
		assertThat(delta).isEqualTo(JSON.readTree("""
				{"index": 1, "type": "code_interpreter", "code_interpreter": {"outputs": [
				 {"index": 0, "type": "logs", "logs": "4\\n"},
				 {"index": 1, "type": "image", "image": {"file_id": "file-img"}}]}}"""));
		assertThat(CodeInterpreterCall.opening(0, "call_1", "")).isEqualTo(JSON.readTree(
				"{\"index\": 0, \"id\": \"call_1\", \"type\": \"code_interpreter\", \"code_interpreter\": {\"input\": \"\", \"outputs\": []}}"));
		assertThat(CodeInterpreterCall.input(0, "pr")).isEqualTo(JSON
			.readTree("{\"index\": 0, \"type\": \"code_interpreter\", \"code_interpreter\": {\"input\": \"pr\"}}"));
	}

	@Test
	void givesTheCallBackToTheModelAsTheFunctionItCalledWithTheTextItRead() {
		ArrayNode calls = JsonNodeFactory.instance.arrayNode()
			.add(CodeInterpreterCall.recorded("call_1", "print(\"2\" + 2)", RESULT))
			.add(JSON.readTree("{\"id\": \"call_2\", \"type\": \"function\", \"function\": "
					+ "{\"name\": \"get_weather\", \"arguments\": \"{}\", \"output\": \"22C\"}}"));
		List<ChatMessage> transcript = new ArrayList<>(List.of(ChatMessage.assistant("Let me compute.", null)));
		Transcript.turn(transcript, calls);
		assertThat(transcript).hasSize(3);
		ChatMessage asked = transcript.get(0);
		assertThat(asked.content()).isEqualTo("Let me compute.");
		assertThat(asked.toolCalls()).containsExactly(
				new ChatMessage.ToolCall("call_1", "code_interpreter", "{\"code\":\"print(\\\"2\\\" + 2)\"}"),
				new ChatMessage.ToolCall("call_2", "get_weather", "{}"));
		assertThat(transcript.get(1)).isEqualTo(ChatMessage.tool("call_1", RESULT.output()));
		assertThat(transcript.get(2)).isEqualTo(ChatMessage.tool("call_2", "22C"));
	}

	@Test
	void aReplyShowsTheImagesSinceTheLastReplyAndLinksEveryFileOfTheRun() {
		CodeOutputs outputs = new CodeOutputs();
		outputs.add(JsonNodeFactory.instance.arrayNode().add(CodeInterpreterCall.recorded("call_1", "x", RESULT)));
		ReplyFiles first = outputs.forReply();
		assertThat(first.images()).containsExactly("file-img");
		assertThat(first.links()).isEqualTo(Map.of("sandbox:/mnt/data/x.csv", "file-csv"));
		ReplyFiles second = outputs.forReply();
		assertThat(second.images()).isEmpty();
		assertThat(second.links()).isEqualTo(first.links());
		assertThat(CodeOutputs.link("out/y.png")).isEqualTo("sandbox:/mnt/data/out/y.png");
	}

	private static JsonNode details(JsonNode call) {
		return JsonNodeFactory.instance.objectNode()
			.put("type", "tool_calls")
			.set("tool_calls", JsonNodeFactory.instance.arrayNode().add(call));
	}

}

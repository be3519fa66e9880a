package com.threadline.chat.run.engine.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.llm.ChatMessage;
import com.threadline.chat.run.RunStepView;
import com.threadline.chat.run.engine.code.CodeInterpreterCall;
import com.threadline.chat.thread.MessageView;

/**
 * What a run itself has said and done so far, as prompt messages, rebuilt from its steps
 * so that a run resumes the same after {@code requires_action} on any instance.
 */
public final class Transcript {

	private Transcript() {
	}

	/** The run's own turns: its replies, and its tool calls with their outputs. */
	static List<ChatMessage> of(List<RunStepView> steps, Map<String, MessageView> replies) {
		List<ChatMessage> transcript = new ArrayList<>();
		for (RunStepView step : steps) {
			JsonNode details = step.stepDetails();
			if (step.type().equals(RunStepView.MESSAGE_CREATION)) {
				MessageView reply = replies.get(details.path("message_creation").path("message_id").asString(""));
				if (reply != null && !reply.text().isEmpty()) {
					transcript.add(ChatMessage.assistant(reply.text(), null));
				}
			}
			else {
				turn(transcript, details.path("tool_calls"));
			}
		}
		return transcript;
	}

	/**
	 * Adds a tool-calls turn, joined to the text the assistant wrote just before it. A
	 * code_interpreter call goes back to the model as the function it called,
	 * {@code code_interpreter} with {@code {"code": input}}, answered by the text it read
	 * then.
	 */
	public static void turn(List<ChatMessage> transcript, JsonNode toolCalls) {
		List<ChatMessage.ToolCall> calls = new ArrayList<>();
		List<ChatMessage> outputs = new ArrayList<>();
		for (JsonNode call : toolCalls) {
			String id = call.path("id").asString();
			if (CodeInterpreterCall.is(call)) {
				String code = CodeInterpreterCall.TYPE;
				calls.add(new ChatMessage.ToolCall(id, code,
						JsonNodeFactory.instance.objectNode()
							.put("code", call.path(code).path("input").asString(""))
							.toString()));
				outputs.add(ChatMessage.tool(id, CodeInterpreterCall.modelOutput(call)));
				continue;
			}
			JsonNode function = call.path("function");
			calls.add(new ChatMessage.ToolCall(id, function.path("name").asString(""),
					function.path("arguments").asString("")));
			if (function.path("output").isString()) {
				outputs.add(ChatMessage.tool(id, function.path("output").asString()));
			}
		}
		if (calls.isEmpty()) {
			return;
		}
		String text = null;
		if (!transcript.isEmpty() && transcript.getLast().role().equals("assistant")
				&& transcript.getLast().toolCalls() == null) {
			text = transcript.removeLast().content();
		}
		transcript.add(ChatMessage.assistant(text, calls));
		transcript.addAll(outputs);
	}

}

package com.threadline.chat.run;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import com.threadline.chat.system.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Tool outputs answer exactly the calls a run waits for, each once, with a string. */
class ToolOutputsTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static ToolOutput output(String id, String text) {
		return new ToolOutput(id, NODES.stringNode(text));
	}

	@Test
	void matchesOutputsToThePendingCallsById() {
		assertThat(
				ToolOutputs.checked(List.of(output("call_b", "2"), output("call_a", "1")), List.of("call_a", "call_b")))
			.containsExactly(java.util.Map.entry("call_b", "2"), java.util.Map.entry("call_a", "1"));
	}

	@Test
	void refusesMissingUnknownDuplicateOrNonStringOutputs() {
		List<String> pending = List.of("call_a", "call_b");
		assertRefused(null, pending, "Missing required parameter: 'tool_outputs'.");
		assertRefused(List.of(), pending, "Missing required parameter: 'tool_outputs'.");
		assertRefused(List.of(new ToolOutput(null, NODES.stringNode("x"))), pending,
				"Missing required parameter: 'tool_outputs[0].tool_call_id'.");
		assertRefused(List.of(output("call_z", "x")), pending,
				"Invalid 'tool_outputs[0].tool_call_id': 'call_z' is not a tool call this run is waiting for.");
		assertRefused(List.of(new ToolOutput("call_a", NODES.numberNode(1))), pending,
				"Invalid type for 'tool_outputs[0].output': expected a string.");
		assertRefused(List.of(output("call_a", "1"), output("call_a", "2")), pending,
				"Invalid 'tool_outputs[1].tool_call_id': duplicate output for 'call_a'.");
		assertRefused(List.of(output("call_a", "1")), pending,
				"Expected tool outputs for call_ids ['call_a', 'call_b'], got ['call_a'].");
	}

	private static void assertRefused(List<ToolOutput> outputs, List<String> pending, String message) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ToolOutputs.checked(outputs, pending))
			.satisfies(ex -> assertThat(ex.getBody().getDetail()).isEqualTo(message));
	}

}

package com.threadline.chat.llm;

import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.threadline.chat.llm.ModelEvent.Finished;
import com.threadline.chat.llm.ModelEvent.TextDelta;
import com.threadline.chat.llm.ModelEvent.ToolCallDelta;
import com.threadline.chat.llm.ModelEvent.Usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChunkReaderTests {

	private final Endpoint endpoint = Endpoint.resolve(
			new LlmProperties("http://model/v1", "sk-secret", null, null, Map.of(), null, null, null, 2, null, null, 1),
			"gpt-test");

	private final ChunkReader reader = new ChunkReader(this.endpoint);

	@Test
	void ignoresTheRoleChunkAndNullFields() {
		assertThat(this.reader
			.read("""
					{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,
					"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}
					"""))
			.isEmpty();
	}

	@Test
	void readsTextFinishAndUsage() {
		assertThat(
				this.reader.read("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}"))
			.containsExactly(new TextDelta("Hi"));
		assertThat(this.reader.read("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}"))
			.containsExactly(new Finished("length"));
		assertThat(this.reader.read("""
				{"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}"""))
			.containsExactly(new Usage(9, 4, 13));
	}

	@Test
	void readsACompleteToolCallInOneDeltaAndAMissingIndex() {
		assertThat(this.reader.read("""
				{"choices":[{"index":0,"delta":{"tool_calls":[
				 {"id":"call_a","type":"function","function":{"name":"f","arguments":"{}"}},
				 {"id":"call_b","type":"function","function":{"name":"g","arguments":"{\\"x\\":1}"}}]}}]}"""))
			.containsExactly(new ToolCallDelta(0, "call_a", "f", "{}"),
					new ToolCallDelta(1, "call_b", "g", "{\"x\":1}"));
	}

	@Test
	void mapsAnErrorSentInsideTheStream() {
		assertThatExceptionOfType(ModelException.class).isThrownBy(() -> this.reader
			.read("""
					{"error":{"message":"Too long for key sk-secret","type":"invalid_request_error","code":"context_length_exceeded"}}"""))
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo("invalid_prompt");
				assertThat(failure.getMessage()).doesNotContain("sk-secret");
			});
		assertThatExceptionOfType(ModelException.class)
			.isThrownBy(() -> this.reader.read("{\"error\":{\"message\":\"Overloaded\",\"type\":\"server_error\"}}"))
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo("server_error"));
	}

	@Test
	void endsProperlyOnlyAfterDoneOrAFinishReason() {
		StepVerifier.create(this.reader.end())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ModelException.class)
				.hasMessageContaining("ended before the reply was complete"))
			.verify();
		this.reader.read("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
		StepVerifier.create(this.reader.end()).verifyComplete();
		ChunkReader done = new ChunkReader(this.endpoint);
		assertThat(done.read(" [DONE]")).isEmpty();
		assertThat(done.read("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"late\"}}]}")).isEmpty();
		StepVerifier.create(done.end()).verifyComplete();
	}

	@Test
	void refusesChunksThatAreNotJsonObjects() {
		assertThatExceptionOfType(ModelException.class).isThrownBy(() -> this.reader.read("<html>Bad gateway</html>"))
			.withMessageContaining("not JSON");
		assertThatExceptionOfType(ModelException.class).isThrownBy(() -> this.reader.read("42"))
			.withMessageContaining("not JSON");
	}

}

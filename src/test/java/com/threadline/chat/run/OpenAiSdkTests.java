package com.threadline.chat.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.beta.assistants.AssistantStreamEvent;
import com.openai.models.beta.threads.ThreadCreateAndRunParams;
import com.openai.models.beta.threads.runs.RequiredActionFunctionToolCall;
import com.openai.models.beta.threads.runs.Run;
import com.openai.models.beta.threads.runs.RunStatus;
import com.openai.models.beta.threads.runs.RunSubmitToolOutputsParams;
import com.openai.models.beta.threads.runs.steps.CodeInterpreterToolCall;
import com.openai.models.beta.threads.runs.steps.CodeInterpreterToolCallDelta;
import com.openai.models.beta.threads.runs.steps.RunStep;
import com.openai.models.beta.threads.runs.steps.StepListParams;
import com.openai.models.beta.threads.runs.steps.ToolCallDelta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Java client, pointed at the running application by its base URL only,
 * parses every event of create-thread-and-run and submit-tool-outputs streams.
 */
@Timeout(60)
class OpenAiSdkTests extends IntegrationTest {

	/** Every event the client knows; anything else it would only keep as raw JSON. */
	private static final List<Predicate<AssistantStreamEvent>> KNOWN = List.of(AssistantStreamEvent::isThreadCreated,
			AssistantStreamEvent::isThreadRunCreated, AssistantStreamEvent::isThreadRunQueued,
			AssistantStreamEvent::isThreadRunInProgress, AssistantStreamEvent::isThreadRunRequiresAction,
			AssistantStreamEvent::isThreadRunCompleted, AssistantStreamEvent::isThreadRunIncomplete,
			AssistantStreamEvent::isThreadRunFailed, AssistantStreamEvent::isThreadRunCancelling,
			AssistantStreamEvent::isThreadRunCancelled, AssistantStreamEvent::isThreadRunExpired,
			AssistantStreamEvent::isThreadRunStepCreated, AssistantStreamEvent::isThreadRunStepInProgress,
			AssistantStreamEvent::isThreadRunStepDelta, AssistantStreamEvent::isThreadRunStepCompleted,
			AssistantStreamEvent::isThreadRunStepFailed, AssistantStreamEvent::isThreadRunStepCancelled,
			AssistantStreamEvent::isThreadRunStepExpired, AssistantStreamEvent::isThreadMessageCreated,
			AssistantStreamEvent::isThreadMessageInProgress, AssistantStreamEvent::isThreadMessageDelta,
			AssistantStreamEvent::isThreadMessageCompleted, AssistantStreamEvent::isThreadMessageIncomplete,
			AssistantStreamEvent::isErrorEvent);

	@Test
	void officialClientStreamsCreateThreadAndRunThenSubmitToolOutputs() {
		RunFixtures fixtures = new RunFixtures(this.api, "Sdk");
		String assistant = fixtures.assistant(Map.of("tools", List.of(RunFixtures.WEATHER)));
		this.model.enqueue(
				Script.text("Let me check.").withToolCalls(Script.call("c1", "get_weather", "{\"city\":\"Paris\"}")),
				Script.text("It is ", "sunny in ", "Paris."));
		OpenAIClient client = OpenAIOkHttpClient.builder()
			.baseUrl(this.api.baseUrl() + "/v1")
			.apiKey(fixtures.tenant.apiKey())
			.build();

		ThreadCreateAndRunParams params = ThreadCreateAndRunParams.builder()
			.assistantId(assistant)
			.thread(ThreadCreateAndRunParams.Thread.builder()
				.addMessage(ThreadCreateAndRunParams.Thread.Message.builder()
					.role(ThreadCreateAndRunParams.Thread.Message.Role.USER)
					.content("What is the weather in Paris?")
					.build())
				.build())
			.build();
		List<AssistantStreamEvent> first = readAll(client.beta().threads().createAndRunStreaming(params));
		assertThat(first.get(0).isThreadCreated()).isTrue();
		AssistantStreamEvent last = first.get(first.size() - 1);
		assertThat(last.isThreadRunRequiresAction()).isTrue();
		Run paused = last.asThreadRunRequiresAction().data();
		assertThat(paused.status()).isEqualTo(RunStatus.REQUIRES_ACTION);
		RequiredActionFunctionToolCall call = paused.requiredAction()
			.orElseThrow()
			.submitToolOutputs()
			.toolCalls()
			.get(0);
		assertThat(call.function().name()).isEqualTo("get_weather");
		assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
		assertThat(first).anyMatch(AssistantStreamEvent::isThreadMessageDelta)
			.anyMatch(AssistantStreamEvent::isThreadRunStepDelta);

		RunSubmitToolOutputsParams outputs = RunSubmitToolOutputsParams.builder()
			.threadId(paused.threadId())
			.runId(paused.id())
			.addToolOutput(RunSubmitToolOutputsParams.ToolOutput.builder().toolCallId(call.id()).output("22C").build())
			.build();
		List<AssistantStreamEvent> second = readAll(client.beta().threads().runs().submitToolOutputsStreaming(outputs));
		AssistantStreamEvent end = second.get(second.size() - 1);
		assertThat(end.isThreadRunCompleted()).isTrue();
		Run completed = end.asThreadRunCompleted().data();
		assertThat(completed.usage().orElseThrow().totalTokens()).isPositive();
		StringBuilder text = new StringBuilder();
		second.stream()
			.filter(AssistantStreamEvent::isThreadMessageDelta)
			.forEach(event -> event.asThreadMessageDelta()
				.data()
				.delta()
				.content()
				.orElseThrow()
				.forEach(part -> text.append(part.asText().text().orElseThrow().value().orElseThrow())));
		assertThat(text).hasToString("It is sunny in Paris.");

		Run fetched = client.beta()
			.threads()
			.runs()
			.retrieve(paused.id(),
					com.openai.models.beta.threads.runs.RunRetrieveParams.builder()
						.threadId(paused.threadId())
						.build());
		fetched.validate();
		assertThat(fetched.status()).isEqualTo(RunStatus.COMPLETED);
		List<RunStep> steps = client.beta()
			.threads()
			.runs()
			.steps()
			.list(paused.id(), StepListParams.builder().threadId(paused.threadId()).build())
			.data();
		steps.forEach(RunStep::validate);
		assertThat(steps).hasSize(3);
	}

	@Test
	void officialClientStreamsACodeInterpreterRun() {
		RunFixtures fixtures = new RunFixtures(this.api, "SdkCode");
		String assistant = fixtures.assistant(Map.of("tools", List.of(CodeInterpreterRunTests.CODE_INTERPRETER)));
		this.model.enqueue(
				Script.toolCalls(Script.call("c1", "code_interpreter",
						CodeInterpreterRunTests.arguments(CodeInterpreterRunTests.CODE))),
				Script.text("20! is 2432902008176640000."));
		OpenAIClient client = OpenAIOkHttpClient.builder()
			.baseUrl(this.api.baseUrl() + "/v1")
			.apiKey(fixtures.tenant.apiKey())
			.build();
		ThreadCreateAndRunParams params = ThreadCreateAndRunParams.builder()
			.assistantId(assistant)
			.thread(ThreadCreateAndRunParams.Thread.builder()
				.addMessage(ThreadCreateAndRunParams.Thread.Message.builder()
					.role(ThreadCreateAndRunParams.Thread.Message.Role.USER)
					.content("What is 20 factorial?")
					.build())
				.build())
			.build();
		List<AssistantStreamEvent> events = readAll(client.beta().threads().createAndRunStreaming(params));
		assertThat(events.getLast().isThreadRunCompleted()).isTrue();
		StringBuilder input = new StringBuilder();
		StringBuilder logs = new StringBuilder();
		events.stream()
			.filter(AssistantStreamEvent::isThreadRunStepDelta)
			.flatMap(event -> event.asThreadRunStepDelta()
				.data()
				.delta()
				.stepDetails()
				.orElseThrow()
				.asToolCalls()
				.toolCalls()
				.orElseThrow()
				.stream())
			.map(ToolCallDelta::asCodeInterpreter)
			.forEach(delta -> {
				CodeInterpreterToolCallDelta.CodeInterpreter code = delta.codeInterpreter().orElseThrow();
				code.input().ifPresent(input::append);
				code.outputs()
					.ifPresent(outputs -> outputs.forEach(output -> logs.append(output.asLogs().logs().orElseThrow())));
			});
		assertThat(input).hasToString(CodeInterpreterRunTests.CODE);
		assertThat(logs).hasToString(CodeInterpreterRunTests.LOGS);
		Run run = events.getLast().asThreadRunCompleted().data();
		List<RunStep> steps = client.beta()
			.threads()
			.runs()
			.steps()
			.list(run.id(), StepListParams.builder().threadId(run.threadId()).build())
			.data();
		steps.forEach(RunStep::validate);
		// Newest first, as OpenAI lists them: the tool step is the older one.
		CodeInterpreterToolCall call = steps.getLast()
			.stepDetails()
			.asToolCalls()
			.toolCalls()
			.get(0)
			.asCodeInterpreter();
		assertThat(call.codeInterpreter().input()).isEqualTo(CodeInterpreterRunTests.CODE);
		assertThat(call.codeInterpreter().outputs().get(0).asLogs().logs()).isEqualTo(CodeInterpreterRunTests.LOGS);
	}

	/** Every event of the stream, each parsed into a known variant and validated. */
	private static List<AssistantStreamEvent> readAll(StreamResponse<AssistantStreamEvent> response) {
		List<AssistantStreamEvent> events = new ArrayList<>();
		try (response) {
			response.stream().forEach(event -> {
				assertThat(KNOWN.stream().filter(known -> known.test(event))).as("known variants of %s", event)
					.hasSize(1);
				event.validate();
				events.add(event);
			});
		}
		return events;
	}

}

package com.threadline.chat.run;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * code_interpreter between tenants, users and concurrent runs: a tenant's code never sees
 * another's files, outputs belong to the thread's owner, and runs that use the tool at
 * once all get their own right output.
 */
@Timeout(180)
class CodeInterpreterIsolationTests extends IntegrationTest {

	private static RunFixtures tenantA;

	private static RunFixtures tenantB;

	private static String assistantA;

	private static String assistantB;

	@BeforeEach
	void fixtures() {
		if (tenantA == null) {
			tenantA = new RunFixtures(this.api, "Code tenant A");
			tenantB = new RunFixtures(this.api, "Code tenant B");
			assistantA = tenantA.assistant(Map.of("tools", List.of(CodeRuns.CODE_INTERPRETER)));
			assistantB = tenantB.assistant(Map.of("tools", List.of(CodeRuns.CODE_INTERPRETER)));
		}
	}

	@Test
	void aTenantsCodeNeverSeesAnotherTenantsFiles() {
		String fileA = CodeRuns.upload(tenantA.client, "data.csv", "owner\nA\n".getBytes(StandardCharsets.UTF_8));
		String fileB = CodeRuns.upload(tenantB.client, "data.csv", "owner\nB\n".getBytes(StandardCharsets.UTF_8));
		String listing = """
				import os
				print(sorted(os.listdir('/mnt/data')), open('/mnt/data/data.csv').read().split())
				""";
		String markerA = CodeRuns.marker("tenant-a");
		CodeRuns.script(this.model, markerA, listing + "open('/mnt/data/secret.txt', 'w').write('only A')\n",
				out -> out.startsWith("['data.csv'] ['owner', 'A']\n") && out.contains("sandbox:/mnt/data/secret.txt"),
				"A sees its own file: sandbox:/mnt/data/secret.txt");
		String threadA = threadWith(tenantA, fileA, markerA);
		assertThat(CodeRuns.runAndWait(tenantA, threadA, assistantA).get("status").asString()).isEqualTo("completed");
		assertThat(CodeRuns.lastReply(tenantA, threadA)).isEqualTo("A sees its own file: sandbox:/mnt/data/secret.txt");

		String markerB = CodeRuns.marker("tenant-b");
		CodeRuns.script(this.model, markerB, listing, out -> out.startsWith("['data.csv'] ['owner', 'B']\n"),
				"B sees only its own file.");
		String threadB = threadWith(tenantB, fileB, markerB);
		assertThat(CodeRuns.runAndWait(tenantB, threadB, assistantB).get("status").asString()).isEqualTo("completed");
		assertThat(CodeRuns.lastReply(tenantB, threadB)).as(CodeRuns.toolOutput(this.model, markerB))
			.isEqualTo("B sees only its own file.");

		String secret = tenantA.messages(threadA)
			.get(1)
			.at("/content/0/text/annotations/0/file_path/file_id")
			.asString();
		assertThat(new String(CodeRuns.content(tenantA.client, secret), StandardCharsets.UTF_8)).isEqualTo("only A");
		assertThat(CodeRuns.fileStatus(tenantB.client, secret)).isEqualTo(404);
		assertThat(CodeRuns.fileStatus(this.api.as(this.api.userToken(tenantA.tenant, "mallory")), secret))
			.isEqualTo(404);
		tenantB.client.get().uri("/v1/files/" + secret + "/content").exchange().expectStatus().isNotFound();
	}

	@Test
	void anEndUserRunsCodeOnTheirOwnThreadAndOwnsItsOutputs() {
		String alice = this.api.userToken(tenantA.tenant, "alice");
		String marker = CodeRuns.marker("user");
		CodeRuns.script(this.model, marker, """
				import matplotlib.pyplot as plt
				plt.bar(['a', 'b'], [3, 5])
				plt.show()
				print(3 + 5)
				""", out -> out.startsWith("8\n") && out.contains("Image shown to the user: file-"), "Eight.");
		String thread = Api
			.post(this.api.as(alice), "/v1/threads",
					Map.of("messages", List.of(Map.of("role", "user", "content", "Chart it " + marker))), 200)
			.get("id")
			.asString();
		List<EventStream.Event> events;
		try (EventStream stream = EventStream.post(this.api.baseUrl() + "/v1/threads/" + thread + "/runs", alice,
				Map.of("assistant_id", assistantA, "stream", true))) {
			events = stream.rest();
		}
		assertThat(EventStream.names(events)).endsWith("thread.run.completed", "done");
		JsonNode outputs = events.stream()
			.filter(event -> event.event().equals("thread.run.step.completed"))
			.map(event -> event.json().at("/step_details/tool_calls/0/code_interpreter/outputs"))
			.filter(JsonNode::isArray)
			.findFirst()
			.orElseThrow();
		assertThat(outputs.get(0).get("logs").asString()).isEqualTo("8\n");
		String image = outputs.get(1).at("/image/file_id").asString();
		JsonNode reply = Api.get(this.api.as(alice), "/v1/threads/" + thread + "/messages", 200).at("/data/0");
		assertThat(reply.at("/content/0/image_file/file_id").asString()).isEqualTo(image);
		assertThat(reply.at("/content/1/text/value").asString()).isEqualTo("Eight.");
		byte[] png = CodeRuns.content(this.api.as(alice), image);
		assertThat(Arrays.copyOf(png, 4)).isEqualTo(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		assertThat(CodeRuns.fileStatus(this.api.as(this.api.userToken(tenantA.tenant, "bob")), image)).isEqualTo(404);
		assertThat(CodeRuns.fileStatus(tenantA.client, image)).isEqualTo(200);
		assertThat(CodeRuns.fileStatus(tenantB.client, image)).isEqualTo(404);
	}

	@Test
	void runsUsingTheToolAtOnceAllGetTheirOwnOutput() {
		int runs = 4;
		List<String> markers = new ArrayList<>();
		List<String[]> started = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			String marker = CodeRuns.marker("parallel");
			int value = 1000 * i + 7;
			CodeRuns.script(this.model, marker, """
					import time
					start = time.time()
					time.sleep(1.5)
					print(%d * 6, start, time.time())
					""".formatted(value), out -> out.startsWith((value * 6) + " "), "Got " + (value * 6) + ".");
			String thread = tenantB.thread("In parallel " + marker);
			markers.add(marker);
			started.add(new String[] { thread,
					tenantB.run(thread, Map.of("assistant_id", assistantB)).get("id").asString() });
		}
		List<double[]> calls = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			String[] run = started.get(i);
			assertThat(tenantB.awaitRun(run[0], run[1]).get("status").asString()).isEqualTo("completed");
			String output = CodeRuns.toolOutput(this.model, markers.get(i));
			assertThat(CodeRuns.lastReply(tenantB, run[0])).as(output).isEqualTo("Got " + ((1000 * i + 7) * 6) + ".");
			String[] printed = output.lines().findFirst().orElseThrow().split(" ");
			calls.add(new double[] { Double.parseDouble(printed[1]), Double.parseDouble(printed[2]) });
		}
		// Sessions that start cold begin later; those from the pool run side by side.
		long mostAtOnce = calls.stream()
			.mapToLong(call -> calls.stream().filter(other -> other[0] <= call[0] && call[0] < other[1]).count())
			.max()
			.orElseThrow();
		assertThat(mostAtOnce).isGreaterThanOrEqualTo(2);
	}

	private static String threadWith(RunFixtures fixtures, String file, String marker) {
		return Api
			.post(fixtures.client, "/v1/threads",
					Map.of("messages",
							List.of(Map.of("role", "user", "content", "List your files " + marker, "attachments",
									List.of(Map.of("file_id", file, "tools", List.of(CodeRuns.CODE_INTERPRETER)))))),
					200)
			.get("id")
			.asString();
	}

}

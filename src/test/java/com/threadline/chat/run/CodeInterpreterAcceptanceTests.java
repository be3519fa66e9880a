package com.threadline.chat.run;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
 * code_interpreter end to end: real HTTP, the fake model writing the code, the real
 * sandbox and PostgreSQL. The model's final answer depends on the tool output it read, so
 * a wrong result fails the run's reply.
 */
@Timeout(180)
class CodeInterpreterAcceptanceTests extends IntegrationTest {

	static final byte[] CSV = """
			region,amount
			north,10
			south,25
			north,30
			east,5
			south,15
			""".getBytes(StandardCharsets.UTF_8);

	static final String SUMMARY_CODE = """
			import pandas as pd
			df = pd.read_csv('/mnt/data/sales.csv')
			print(len(df), df['amount'].sum(), df['amount'].mean())
			print(df.groupby('region')['amount'].sum().to_dict())
			""";

	static final String SUMMARY = "5 85 17.0\n{'east': 5, 'north': 40, 'south': 40}\n";

	private static RunFixtures fixtures;

	private static String assistant;

	@BeforeEach
	void fixtures() {
		if (fixtures == null) {
			fixtures = new RunFixtures(this.api, "Code acceptance");
			assistant = fixtures.assistant(Map.of("tools", List.of(CodeRuns.CODE_INTERPRETER)));
		}
	}

	@Test
	void computesWithMathStatisticsAndFractions() {
		String marker = CodeRuns.marker("arith");
		CodeRuns.script(this.model, marker, """
				import math, statistics
				from fractions import Fraction
				print(math.comb(52, 5), math.gcd(1071, 462), round(math.sqrt(2), 6))
				print(statistics.median([3, 1, 4, 1, 5, 9, 2, 6]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
				print(Fraction(1, 3) + Fraction(1, 6), sum(Fraction(1, 2**k) for k in range(1, 11)))
				""", out -> out.startsWith("2598960 21 1.414214\n3.5 2.0\n1/2 1023/1024\n"),
				"C(52,5) = 2598960, gcd = 21, median 3.5, sd 2.0, 1/2.");
		String thread = fixtures.thread("Some arithmetic " + marker);
		JsonNode run = CodeRuns.runAndWait(fixtures, thread, assistant);
		assertThat(run.get("status").asString()).isEqualTo("completed");
		assertThat(CodeRuns.lastReply(fixtures, thread))
			.isEqualTo("C(52,5) = 2598960, gcd = 21, median 3.5, sd 2.0, 1/2.");
	}

	@Test
	void bigIntegersAreExact() {
		String mersenne = BigInteger.TWO.pow(521).subtract(BigInteger.ONE).toString();
		BigInteger factorial = BigInteger.ONE;
		for (int i = 2; i <= 200; i++) {
			factorial = factorial.multiply(BigInteger.valueOf(i));
		}
		String expected = mersenne + "\n" + factorial + "\n";
		String marker = CodeRuns.marker("bigint");
		CodeRuns.script(this.model, marker, "import math\nprint(2**521 - 1)\nprint(math.factorial(200))",
				out -> out.startsWith(expected), "Exact: " + mersenne.length() + " digits.");
		String thread = fixtures.thread("Big numbers " + marker);
		assertThat(CodeRuns.runAndWait(fixtures, thread, assistant).get("status").asString()).isEqualTo("completed");
		assertThat(CodeRuns.lastReply(fixtures, thread)).isEqualTo("Exact: 157 digits.");
		String run = fixtures.messages(thread).get(1).get("run_id").asString();
		assertThat(CodeRuns.logs(CodeRuns.codeCalls(fixtures, thread, run).getFirst())).isEqualTo(expected);
	}

	@Test
	void summarisesAnUploadedCsvAttachedToAMessage() {
		String file = CodeRuns.upload(fixtures.client, "sales.csv", CSV);
		String marker = CodeRuns.marker("csv-attachment");
		String thread = Api
			.post(fixtures.client, "/v1/threads", Map.of("messages",
					List.of(Map.of("role", "user", "content", "Summarise the attached CSV " + marker, "attachments",
							List.of(Map.of("file_id", file, "tools", List.of(CodeRuns.CODE_INTERPRETER)))))),
					200)
			.get("id")
			.asString();
		assertSummary(marker, thread, assistant);
	}

	@Test
	void summarisesAnUploadedCsvOfTheThreadsToolResources() {
		String file = CodeRuns.upload(fixtures.client, "sales.csv", CSV);
		String marker = CodeRuns.marker("csv-thread");
		String thread = Api
			.post(fixtures.client, "/v1/threads",
					Map.of("messages", List.of(Map.of("role", "user", "content", "Summarise the CSV " + marker)),
							"tool_resources", Map.of("code_interpreter", Map.of("file_ids", List.of(file)))),
					200)
			.get("id")
			.asString();
		assertSummary(marker, thread, assistant);
	}

	@Test
	void summarisesAnUploadedCsvOfTheAssistantsToolResources() {
		String file = CodeRuns.upload(fixtures.client, "sales.csv", CSV);
		String withFile = fixtures.assistant(Map.of("tools", List.of(CodeRuns.CODE_INTERPRETER), "tool_resources",
				Map.of("code_interpreter", Map.of("file_ids", List.of(file)))));
		String marker = CodeRuns.marker("csv-assistant");
		assertSummary(marker, fixtures.thread("Summarise the CSV " + marker), withFile);
	}

	private void assertSummary(String marker, String thread, String assistantId) {
		CodeRuns.script(this.model, marker, SUMMARY_CODE,
				out -> out.startsWith(SUMMARY) && out.contains("File available: /mnt/data/sales.csv"),
				"5 sales, 85 in all: north 40, south 40, east 5.");
		JsonNode run = CodeRuns.runAndWait(fixtures, thread, assistantId);
		assertThat(run.get("status").asString()).isEqualTo("completed");
		assertThat(CodeRuns.lastReply(fixtures, thread)).as(CodeRuns.toolOutput(this.model, marker))
			.isEqualTo("5 sales, 85 in all: north 40, south 40, east 5.");
	}

	@Test
	void returnsAChartAsAnImageAndAWrittenFileAsAFilePath() {
		String marker = CodeRuns.marker("chart");
		CodeRuns.script(this.model, marker, """
				import matplotlib.pyplot as plt
				import pandas as pd
				df = pd.DataFrame({'x': [1, 2, 3], 'y': [1, 4, 9]})
				plt.plot(df.x, df.y)
				plt.show()
				df.to_csv('/mnt/data/out.csv', index=False)
				print('saved')
				""",
				out -> out.startsWith("saved\n") && out.contains("Image shown to the user: file-")
						&& out.contains("File written: sandbox:/mnt/data/out.csv"),
				"Here is the chart; the data is in sandbox:/mnt/data/out.csv.");
		String thread = fixtures.thread("Plot squares " + marker);
		JsonNode run = CodeRuns.runAndWait(fixtures, thread, assistant);
		assertThat(run.get("status").asString()).isEqualTo("completed");
		JsonNode outputs = CodeRuns.codeCalls(fixtures, thread, run.get("id").asString())
			.getFirst()
			.at("/code_interpreter/outputs");
		assertThat(outputs).hasSize(2);
		assertThat(outputs.get(1).get("type").asString()).isEqualTo("image");
		String image = outputs.get(1).at("/image/file_id").asString();
		assertThat(Api.get(fixtures.client, "/v1/files/" + image, 200).get("purpose").asString())
			.isEqualTo("assistants_output");
		byte[] png = CodeRuns.content(fixtures.client, image);
		assertThat(Arrays.copyOf(png, 8)).isEqualTo(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });

		JsonNode reply = fixtures.messages(thread).get(1).get("content");
		assertThat(reply.get(0).get("type").asString()).isEqualTo("image_file");
		assertThat(reply.get(0).at("/image_file/file_id").asString()).isEqualTo(image);
		JsonNode text = reply.get(1).get("text");
		assertThat(text.get("value").asString())
			.isEqualTo("Here is the chart; the data is in sandbox:/mnt/data/out.csv.");
		JsonNode annotation = text.get("annotations").get(0);
		assertThat(annotation.get("type").asString()).isEqualTo("file_path");
		assertThat(annotation.get("text").asString()).isEqualTo("sandbox:/mnt/data/out.csv");
		assertThat(annotation.get("start_index").asInt()).isEqualTo(34);
		assertThat(annotation.get("end_index").asInt()).isEqualTo(59);
		String csv = annotation.at("/file_path/file_id").asString();
		assertThat(Api.get(fixtures.client, "/v1/files/" + csv, 200).get("purpose").asString())
			.isEqualTo("assistants_output");
		assertThat(new String(CodeRuns.content(fixtures.client, csv), StandardCharsets.UTF_8))
			.isEqualTo("x,y\n1,1\n2,4\n3,9\n");
	}

	@Test
	void keepsVariablesBetweenTwoRunsOfAThread() {
		String first = CodeRuns.marker("set");
		CodeRuns.script(this.model, first, "x = 41\nprint('x is set')", out -> out.startsWith("x is set\n"), "Done.");
		String thread = fixtures.thread("Set x " + first);
		assertThat(CodeRuns.runAndWait(fixtures, thread, assistant).get("status").asString()).isEqualTo("completed");
		String second = CodeRuns.marker("use");
		CodeRuns.script(this.model, second, "print(x + 1)", out -> out.startsWith("42\n"), "x + 1 is 42.");
		CodeRuns.say(fixtures.client, thread, "Now x + 1 " + second);
		assertThat(CodeRuns.runAndWait(fixtures, thread, assistant).get("status").asString()).isEqualTo("completed");
		assertThat(CodeRuns.lastReply(fixtures, thread)).as(CodeRuns.toolOutput(this.model, second))
			.isEqualTo("x + 1 is 42.");
	}

}

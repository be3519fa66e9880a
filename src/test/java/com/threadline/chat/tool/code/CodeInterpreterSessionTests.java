package com.threadline.chat.tool.code;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.threadline.chat.tool.ToolResult;
import com.threadline.chat.tool.ToolResult.Output;

import static org.assertj.core.api.Assertions.assertThat;

/** What the model's Python can do in a session: real bwrap, real CPython, no Spring. */
class CodeInterpreterSessionTests {

	private static Sandboxes sandbox;

	@BeforeAll
	static void start() {
		sandbox = new Sandboxes(Map.of());
		assertThat(sandbox.tool.unavailable()).isEmpty();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void computesWithTheStandardLibrary() {
		ToolResult result = sandbox.run("t1", "arith", """
				import math, statistics
				from fractions import Fraction
				print(math.factorial(20), statistics.median([3, 1, 2]), Fraction(1, 3) + Fraction(1, 6))
				""");
		assertThat(result.error()).isFalse();
		assertThat(result.output()).contains("2432902008176640000 2 1/2");
		assertThat(result.outputs()).first().isInstanceOf(Output.Logs.class);
	}

	@Test
	void printsBigIntegersAndTheLastExpression() {
		ToolResult result = sandbox.run("t1", "big", "x = 2**10000\nlen(str(x))");
		assertThat(result.output()).isEqualTo("3011\n");
	}

	@Test
	void keepsVariablesAndFilesBetweenCalls() {
		sandbox.run("t1", "state", "counter = 41\nopen('notes.txt', 'w').write('kept')");
		ToolResult result = sandbox.run("t1", "state", "counter += 1\nprint(counter, open('notes.txt').read())");
		assertThat(result.output()).startsWith("42 kept");
	}

	@Test
	void summarisesACsvCopiedIn() {
		String id = sandbox.files.add("t1", "scores.csv",
				"name,score\nada,90\nbob,70\ncy,80\n".getBytes(StandardCharsets.UTF_8));
		ToolResult result = sandbox.run("t1", "csv",
				"import pandas as pd\ndf = pd.read_csv('/mnt/data/scores.csv')\nprint(df['score'].mean(), len(df))",
				id);
		assertThat(result.error()).isFalse();
		assertThat(result.output()).contains("80.0 3").contains("File available: /mnt/data/scores.csv");
		ToolResult again = sandbox.run("t1", "csv", "print(sorted(__import__('os').listdir('.')))", id);
		assertThat(again.output()).contains("['scores.csv']").doesNotContain("File available");
	}

	@Test
	void returnsAChartAsPng() {
		ToolResult result = sandbox.run("t1", "chart",
				"import matplotlib.pyplot as plt\nplt.plot([1, 4, 9])\nplt.title('squares')\nplt.show()");
		assertThat(result.error()).isFalse();
		assertThat(result.outputs()).singleElement().isInstanceOf(Output.Image.class);
		String id = ((Output.Image) result.outputs().get(0)).fileId();
		assertThat(sandbox.files.stored.get(id).content()).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
		assertThat(result.output()).contains("Image shown to the user: " + id);
	}

	@Test
	void returnsFilesTheCodeWrote() {
		ToolResult result = sandbox.run("t1", "out",
				"import pandas as pd\n" + "pd.DataFrame({'a': [1, 2]}).to_csv('/mnt/data/out.csv', index=False)");
		assertThat(result.outputs()).singleElement().isInstanceOfSatisfying(Output.File.class, file -> {
			assertThat(file.path()).isEqualTo("/mnt/data/out.csv");
			assertThat(new String(sandbox.files.stored.get(file.fileId()).content(), StandardCharsets.UTF_8))
				.isEqualTo("a\n1\n2\n");
		});
		assertThat(result.output()).contains("sandbox:/mnt/data/out.csv");
	}

	@Test
	void reportsATracebackAsAnError() {
		ToolResult result = sandbox.run("t1", "raise", "print('before')\n1 / 0");
		assertThat(result.error()).isTrue();
		assertThat(result.output()).startsWith("before").contains("ZeroDivisionError").doesNotContain("runner");
	}

	@Test
	void takesRawTextAsCode() {
		ToolResult result = sandbox.tool.execute(
				new com.threadline.chat.tool.ToolCall("call_raw", "code_interpreter", "print(6 * 7)"),
				new com.threadline.chat.tool.ToolContext("t1", "raw", "run_1"));
		assertThat(result.output()).isEqualTo("42\n");
		ToolResult empty = sandbox.tool.execute(
				new com.threadline.chat.tool.ToolCall("call_raw", "code_interpreter", "{\"source\": 1}"),
				new com.threadline.chat.tool.ToolContext("t1", "raw", "run_1"));
		assertThat(empty.error()).isTrue();
	}

}

package com.threadline.chat.run.engine.code;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code of a code_interpreter call, decoded piece by piece as its arguments stream.
 */
class CodeInputTests {

	@Test
	void decodesTheCodeAsItsJsonArrives() {
		List<String> pieces = pieces("{\"code\": \"print(1+", "1)\\n", "x = 2\"}");
		assertThat(pieces).containsExactly("print(1+", "1)\n", "x = 2");
	}

	@Test
	void holdsBackAnEscapeSplitBetweenFragments() {
		assertThat(pieces("{\"code\":\"a\\", "nb\\", "\"c\"}")).containsExactly("a", "\nb", "\"c");
		assertThat(pieces("{\"code\":\"x\\u00", "e9y\"}")).containsExactly("x", "éy");
		assertThat(pieces("{\"code\":\"\\u", "00e9\\t", "\"}")).containsExactly("", "é\t", "");
	}

	@Test
	void decodesUnicodeAndSurrogatePairs() {
		String emoji = "😀";
		assertThat(String.join("", pieces("{\"code\":\"s = 'caf\\u00e9 ", "\\ud83d", "\\ude00'\"}")))
			.isEqualTo("s = 'café " + emoji + "'");
		assertThat(pieces("{\"code\":\"a\\ud83d", "\\ude00b\"}")).containsExactly("a", emoji + "b");
		assertThat(pieces("{\"code\":\"a\\ud83d\\u", "de00b\"}")).containsExactly("a", emoji + "b");
		assertThat(pieces("{\"code\":\"é", "\"}")).containsExactly("é", "");
		String raw = "{\"code\":\"x" + emoji + "y\"}";
		int inside = raw.indexOf(emoji) + 1;
		assertThat(pieces(raw.substring(0, inside), raw.substring(inside))).containsExactly("x", emoji + "y");
	}

	@Test
	void skipsKeysBeforeTheCodeAndWhitespaceAround() {
		assertThat(String.join("", pieces(" {\n \"lang\" : \"py\", \"nested\": {\"code\": \"no\"}, \"code\"", " :",
				"  \"ok", "()\" , ", "\"after\": 1}")))
			.isEqualTo("ok()");
	}

	@Test
	void decodesEveryFragmentingTheSame() {
		String arguments = "{\"code\": \"import math\\nprint(math.sqrt(2), \\\"\\u00e9\\\\\\ud83d\\ude00\\\")\\n\"}";
		String code = CodeInput.of(arguments);
		assertThat(code).isEqualTo("import math\nprint(math.sqrt(2), \"é\\😀\")\n");
		for (int size = 1; size <= 7; size++) {
			List<String> fragments = new ArrayList<>();
			for (int i = 0; i < arguments.length(); i += size) {
				fragments.add(arguments.substring(i, Math.min(arguments.length(), i + size)));
			}
			CodeInput input = new CodeInput();
			StringBuilder streamed = new StringBuilder();
			fragments.forEach(fragment -> streamed.append(input.append(fragment)));
			assertThat(streamed).as("fragments of %d", size).hasToString(code);
			assertThat(input.rest(code)).isEmpty();
		}
	}

	@Test
	void takesArgumentsThatAreNoObjectAsTheCode() {
		assertThat(pieces("print(", "1)\n")).containsExactly("print(", "1)\n");
		assertThat(pieces("  ", "x = 1")).containsExactly("", "  x = 1");
		assertThat(CodeInput.of("print(1)")).isEqualTo("print(1)");
		assertThat(CodeInput.of("{\"code\": 42}")).isEqualTo("{\"code\": 42}");
		assertThat(pieces(" \"print(", "'\\u00e9')\"")).containsExactly("print(", "'é')");
		assertThat(CodeInput.of("\"x = 1\"")).isEqualTo("x = 1");
	}

	@Test
	void addsTheRestWhenTheStreamWasNotWhatItSeemed() {
		CodeInput input = new CodeInput();
		assertThat(input.append("{1, 2")).isEmpty();
		assertThat(input.append("}")).isEmpty();
		assertThat(input.rest(CodeInput.of("{1, 2}"))).isEqualTo("{1, 2}");
		CodeInput truncated = new CodeInput();
		assertThat(truncated.append("{\"code\": \"ab")).isEqualTo("ab");
		assertThat(truncated.rest("{\"code\": \"ab")).isEmpty();
	}

	private static List<String> pieces(String... fragments) {
		CodeInput input = new CodeInput();
		List<String> pieces = new ArrayList<>();
		for (String fragment : fragments) {
			pieces.add(input.append(fragment));
		}
		return pieces;
	}

}

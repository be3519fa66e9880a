package com.threadline.bench;

import java.util.List;
import java.util.Map;

/** Writes maps, lists, numbers and strings as JSON (numeric-looking strings as numbers). */
final class Json {

	private Json() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, "");
		return out.append('\n').toString();
	}

	private static void write(Object value, StringBuilder out, String indent) {
		switch (value) {
			case null -> out.append("null");
			case Map<?, ?> map -> {
				out.append("{");
				String inner = indent + "  ";
				boolean first = true;
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					out.append(first ? "\n" : ",\n").append(inner);
					string(String.valueOf(entry.getKey()), out);
					out.append(": ");
					write(entry.getValue(), out, inner);
					first = false;
				}
				out.append(first ? "}" : "\n" + indent + "}");
			}
			case List<?> list -> {
				out.append("[");
				for (int i = 0; i < list.size(); i++) {
					out.append(i == 0 ? "" : ", ");
					write(list.get(i), out, indent);
				}
				out.append("]");
			}
			case Number number -> out.append(Double.isFinite(number.doubleValue()) ? number.toString() : "null");
			case Boolean bool -> out.append(bool);
			default -> {
				String text = value.toString();
				if (text.matches("-?\\d+(\\.\\d+)?")) {
					out.append(text);
				}
				else {
					string(text, out);
				}
			}
		}
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append("\\u%04x".formatted((int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}

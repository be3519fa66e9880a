package com.threadline.chat.tool;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** All server-side tools by function name. */
@Component
public class ToolExecutors {

	private final Map<String, ToolExecutor> byName;

	ToolExecutors(List<ToolExecutor> executors) {
		this.byName = executors.stream()
			.collect(Collectors.toUnmodifiableMap(e -> e.definition().name(), Function.identity()));
	}

	public Optional<ToolExecutor> find(String functionName) {
		return Optional.ofNullable(this.byName.get(functionName));
	}

	/**
	 * Why the server-side tool of this name cannot run here; empty when it can or when
	 * there is no such tool.
	 */
	public Optional<String> unavailable(String functionName) {
		return find(functionName).flatMap(ToolExecutor::unavailable);
	}

	/**
	 * The names of every server-side tool, as an assistant's {@code server_tools} lists
	 * them.
	 */
	public Set<String> names() {
		return this.byName.keySet();
	}

}

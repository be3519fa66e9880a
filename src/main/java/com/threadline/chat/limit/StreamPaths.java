package com.threadline.chat.limit;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The endpoints that answer with an event stream. */
final class StreamPaths {

	private static final PathPattern EVENTS = parse("/v1/threads/{threadId}/runs/{runId}/events");

	/** Those that stream when their body says {@code "stream": true}. */
	private static final PathPattern[] MAY_STREAM = { parse("/v1/threads/runs"), parse("/v1/threads/{threadId}/runs"),
			parse("/v1/threads/{threadId}/runs/{runId}/submit_tool_outputs") };

	boolean isEventStream(ServerHttpRequest request) {
		return EVENTS.matches(request.getPath().pathWithinApplication());
	}

	boolean mayStream(ServerHttpRequest request) {
		for (PathPattern pattern : MAY_STREAM) {
			if (pattern.matches(request.getPath().pathWithinApplication())) {
				return true;
			}
		}
		return false;
	}

	private static PathPattern parse(String pattern) {
		return PathPatternParser.defaultInstance.parse(pattern);
	}

}

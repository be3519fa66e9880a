package com.threadline.chat.run.engine.code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.threadline.chat.run.RunStepView;
import com.threadline.chat.thread.ReplyFiles;

/**
 * What a run's code_interpreter calls produced for its replies: the images shown since
 * the last reply (the next reply shows them, as OpenAI's did) and every file the run's
 * code wrote (any reply may cite it as {@code sandbox:/mnt/data/…}). Rebuilt from the
 * stored steps when a run resumes.
 */
public final class CodeOutputs {

	private static final String SANDBOX = "sandbox:";

	private static final String DATA = "/mnt/data/";

	private final List<String> images = new ArrayList<>();

	private final Map<String, String> links = new LinkedHashMap<>();

	/** The outputs of the run's steps so far, oldest first. */
	public static CodeOutputs of(List<RunStepView> steps) {
		CodeOutputs outputs = new CodeOutputs();
		for (RunStepView step : steps) {
			if (step.type().equals(RunStepView.MESSAGE_CREATION)) {
				outputs.images.clear();
			}
			else {
				outputs.add(step.stepDetails().path("tool_calls"));
			}
		}
		return outputs;
	}

	/** Adds the outputs of a round of tool calls. */
	public void add(JsonNode toolCalls) {
		for (JsonNode call : toolCalls) {
			if (CodeInterpreterCall.is(call)) {
				this.images.addAll(CodeInterpreterCall.images(call));
				for (JsonNode file : CodeInterpreterCall.files(call)) {
					String path = file.path("path").asString("");
					if (!path.isEmpty()) {
						this.links.put(link(path), file.path("file_id").asString(""));
					}
				}
			}
		}
	}

	/** What the next reply shows; the images are then spent. */
	public ReplyFiles forReply() {
		ReplyFiles files = new ReplyFiles(this.images, this.links);
		this.images.clear();
		return files;
	}

	/** How a reply cites a file the code wrote at {@code path}. */
	static String link(String path) {
		if (path.startsWith(SANDBOX)) {
			return path;
		}
		return SANDBOX + (path.startsWith("/") ? path : DATA + path);
	}

}

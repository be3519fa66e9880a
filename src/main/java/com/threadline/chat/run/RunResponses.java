package com.threadline.chat.run;

import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.threadline.chat.run.engine.RunEvents;
import com.threadline.chat.stream.SseFraming;

/**
 * The response of an endpoint that answers with a JSON object, or with an event stream
 * when the request says {@code "stream": true}.
 */
@Component
class RunResponses {

	private final RunService runs;

	private final SseFraming framing;

	private final JsonMapper json;

	RunResponses(RunService runs, SseFraming framing, JsonMapper json) {
		this.runs = runs;
		this.framing = framing;
		this.json = json;
	}

	/** The run as JSON, or its events from this start on in OpenAI's framing. */
	ResponseEntity<Flux<DataBuffer>> of(RunService.Started started, boolean stream) {
		if (stream) {
			return this.framing.openAi(this.runs.follow(started), RunEvents.PAUSES);
		}
		byte[] body = this.json.writeValueAsBytes(started.run());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
	}

}

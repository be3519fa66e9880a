package com.threadline.chat.security;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.run.RunId;
import com.threadline.chat.run.RunService;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.thread.ThreadId;
import com.threadline.chat.tenant.context.Blocking;

/**
 * {@code POST /v1/stream_tickets}: a single-use ticket to follow one of the caller's own
 * runs with {@code EventSource}, as {@code GET …/runs/{run_id}/events?ticket=…}.
 */
@RestController
class StreamTicketController {

	private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final RunService runs;

	private final StreamTickets tickets;

	private final Blocking blocking;

	StreamTicketController(RunService runs, StreamTickets tickets, Blocking blocking) {
		this.runs = runs;
		this.tickets = tickets;
		this.blocking = blocking;
	}

	record NewTicket(@Nullable String threadId, @Nullable String runId) {
	}

	record Ticket(String object, String ticket, long expiresAt) {
	}

	@PostMapping("/v1/stream_tickets")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Ticket> create(Caller caller, @RequestBody NewTicket request) {
		String threadId = objectId(request.threadId(), "thread_id");
		String runId = objectId(request.runId(), "run_id");
		return this.blocking.call(() -> {
			// 404 unless the run is on a thread the caller may access (a user: their
			// own).
			this.runs.find(caller, ThreadId.of(threadId), RunId.of(runId));
			StreamTickets.Minted minted = this.tickets.mint(caller, threadId, runId);
			return new Ticket("stream_ticket", minted.ticket(), minted.expiresAt());
		});
	}

	private static String objectId(@Nullable String value, String param) {
		if (value == null || value.isBlank()) {
			throw ApiException.invalid(param, "Missing required parameter: '%s'.".formatted(param));
		}
		if (!OBJECT_ID.matcher(value).matches()) {
			throw ApiException.invalid(param, "Invalid '%s': expected an object id.".formatted(param));
		}
		return value;
	}

}

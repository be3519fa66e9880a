package com.threadline.chat.course;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.context.Blocking;

/** {@code /v1/courses}: the tenant's course schedule (API key only). */
@RestController
@RequestMapping("/v1/courses")
class CourseController {

	private final CourseService courses;

	private final Blocking blocking;

	CourseController(CourseService courses, Blocking blocking) {
		this.courses = courses;
		this.blocking = blocking;
	}

	@GetMapping
	Mono<ListPage<CourseView>> list(Caller caller) {
		return this.blocking.call(() -> this.courses.list(caller.tenantId()));
	}

	/**
	 * One course, or {@code {"data":[...]}} for several; answers with what was stored,
	 * ids included.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Object> add(Caller caller, @RequestBody JsonNode body) {
		boolean batch = body.isObject() && body.has("data");
		List<CourseView> parsed = batch ? parseAll(body.get("data")) : List.of(parse(body, ""));
		return this.blocking.call(() -> {
			List<CourseView> saved = this.courses.add(caller.tenantId(), parsed);
			return batch ? ListPage.of(saved, c -> String.valueOf(c.id()), false) : saved.getFirst();
		});
	}

	private static List<CourseView> parseAll(JsonNode data) {
		if (!data.isArray() || data.isEmpty() || data.size() > 1000) {
			throw ApiException.invalid("data", "Invalid 'data': expected an array of 1 to 1000 courses.");
		}
		List<CourseView> all = new ArrayList<>();
		for (int i = 0; i < data.size(); i++) {
			all.add(parse(data.get(i), "data[%d].".formatted(i)));
		}
		return all;
	}

	private static CourseView parse(JsonNode course, String prefix) {
		if (!course.isObject()) {
			throw ApiException.invalid(prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
					"Invalid course: expected an object.");
		}
		LocalDate date = parse(course, prefix + "course_date", LocalDate::parse, "a date such as 2026-11-24");
		LocalTime start = parse(course, prefix + "start_time", LocalTime::parse, "a time such as 19:30");
		LocalTime end = parse(course, prefix + "end_time", LocalTime::parse, "a time such as 21:30");
		if (!end.isAfter(start)) {
			throw ApiException.invalid(prefix + "end_time",
					"Invalid '%send_time': must be after start_time.".formatted(prefix));
		}
		return new CourseView(date, start, end, text(course, prefix, "course_name"),
				text(course, prefix, "instructor"));
	}

	private static <T> T parse(JsonNode course, String param, java.util.function.Function<String, T> parser,
			String expected) {
		String field = param.substring(param.lastIndexOf('.') + 1);
		JsonNode value = course.get(field);
		if (value == null || !value.isString()) {
			throw ApiException.invalid(param, "Missing or invalid '%s': expected %s.".formatted(param, expected));
		}
		try {
			return parser.apply(value.asString());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(param, "Invalid '%s': expected %s.".formatted(param, expected));
		}
	}

	private static String text(JsonNode course, String prefix, String field) {
		JsonNode value = course.get(field);
		if (value == null || !value.isString() || value.asString().isBlank() || value.asString().length() > 255) {
			throw ApiException.invalid(prefix + field,
					"Missing or invalid '%s%s': expected a non-empty string of at most 255 characters."
						.formatted(prefix, field));
		}
		return value.asString();
	}

}

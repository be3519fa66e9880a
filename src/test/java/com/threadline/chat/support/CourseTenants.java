package com.threadline.chat.support;

import java.util.List;
import java.util.Map;

/**
 * Two tenants with course schedules, made once per test JVM: the caller, whose courses a
 * query may see, and another tenant, whose courses carry markers that must never appear
 * in anything the caller gets.
 *
 * @param caller the tenant the tool acts for
 * @param other the tenant whose data must stay invisible
 */
public record CourseTenants(Api.Tenant caller, Api.Tenant other) {

	/** The caller's course names. */
	public static final List<String> CALLER_COURSES = List.of("AGI 101: 大模型原理", "Assistants API 实战", "RAG 入门");

	/** Strings only the other tenant's courses contain. */
	public static final List<String> OTHER_MARKERS = List.of("ZZ-OTHER-TENANT", "Mallory Secret");

	private static CourseTenants shared;

	public static synchronized CourseTenants shared(Api api) {
		if (shared == null) {
			Api.Tenant caller = api.newTenant("AGI 课堂");
			Api.Tenant other = api.newTenant("Other school");
			Api.post(api.as(caller.apiKey()), "/v1/courses",
					Map.of("data",
							List.of(course("2026-11-24", "19:30", CALLER_COURSES.get(0), "王卓然"),
									course("2026-11-26", "20:00", CALLER_COURSES.get(1), "孙志岗"),
									course("2026-12-01", "20:00", CALLER_COURSES.get(2), "王卓然"))),
					201);
			Api.post(
					api.as(other.apiKey()), "/v1/courses", Map
						.of("data",
								List.of(course("2026-11-24", "19:30", "ZZ-OTHER-TENANT Strategy", "Mallory Secret"),
										course("2026-11-25", "09:00", "ZZ-OTHER-TENANT Payroll", "Mallory Secret"))),
					201);
			shared = new CourseTenants(caller, other);
		}
		return shared;
	}

	private static Map<String, String> course(String date, String start, String name, String instructor) {
		String end = "%02d:%s".formatted(Integer.parseInt(start.substring(0, 2)) + 2, start.substring(3));
		return Map.of("course_date", date, "start_time", start, "end_time", end, "course_name", name, "instructor",
				instructor);
	}

}

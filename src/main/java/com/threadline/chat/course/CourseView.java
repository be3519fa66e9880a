package com.threadline.chat.course;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/** One course in the seed's columns. */
public record CourseView(@Nullable Long id, String object, LocalDate courseDate, LocalTime startTime, LocalTime endTime,
		String courseName, String instructor) {

	public CourseView(LocalDate courseDate, LocalTime startTime, LocalTime endTime, String courseName,
			String instructor) {
		this(null, "course", courseDate, startTime, endTime, courseName, instructor);
	}

	static CourseView of(Course c) {
		return new CourseView(c.id, "course", c.courseDate, c.startTime, c.endTime, c.courseName, c.instructor);
	}

}

package com.threadline.chat.course;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "courses")
class Course {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Nullable Long id;

	String tenantId;

	LocalDate courseDate;

	LocalTime startTime;

	LocalTime endTime;

	String courseName;

	String instructor;

	Instant createdAt;

	protected Course() {
	}

	Course(String tenantId, CourseView view) {
		this.tenantId = tenantId;
		this.courseDate = view.courseDate();
		this.startTime = view.startTime();
		this.endTime = view.endTime();
		this.courseName = view.courseName();
		this.instructor = view.instructor();
		this.createdAt = Instant.now();
	}

}

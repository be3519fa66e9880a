package com.threadline.chat.course;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.system.ListPage;

/** A tenant's course schedule. */
@Service
public class CourseService {

	/** The most courses one listing returns. */
	static final int MAX_LISTED = 1000;

	private final Courses courses;

	CourseService(Courses courses) {
		this.courses = courses;
	}

	@Transactional
	public List<CourseView> add(String tenantId, List<CourseView> courses) {
		return courses.stream().map(c -> CourseView.of(this.courses.save(new Course(tenantId, c)))).toList();
	}

	@Transactional(readOnly = true)
	public boolean hasCourses(String tenantId) {
		return this.courses.countByTenantId(tenantId) > 0;
	}

	@Transactional(readOnly = true)
	ListPage<CourseView> list(String tenantId) {
		List<Course> rows = this.courses.findByTenantIdOrderByCourseDateAscStartTimeAscIdAsc(tenantId,
				Limit.of(MAX_LISTED + 1));
		List<CourseView> data = rows.stream().limit(MAX_LISTED).map(CourseView::of).toList();
		return ListPage.of(data, c -> String.valueOf(c.id()), rows.size() > MAX_LISTED);
	}

}

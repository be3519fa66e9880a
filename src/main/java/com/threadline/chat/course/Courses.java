package com.threadline.chat.course;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface Courses extends JpaRepository<Course, Long> {

	List<Course> findByTenantIdOrderByCourseDateAscStartTimeAscIdAsc(String tenantId, Limit limit);

	long countByTenantId(String tenantId);

}

package com.threadline.chat.limit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LimitOverrides extends JpaRepository<LimitOverride, String> {

	/** Whether the tenant exists ({@code tenants} holds no tenant content: no RLS). */
	@Query(value = "select exists (select 1 from tenants where id = :tenantId)", nativeQuery = true)
	boolean tenantExists(String tenantId);

}

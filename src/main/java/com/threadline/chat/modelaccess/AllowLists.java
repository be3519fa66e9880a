package com.threadline.chat.modelaccess;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AllowLists extends JpaRepository<TenantModels, String> {

	/**
	 * Whether the tenant exists: the operator may restrict only real tenants (the
	 * identity registry carries no row-level security, see V1).
	 */
	@Query(value = "select exists (select 1 from tenants where id = :tenantId)", nativeQuery = true)
	boolean tenantExists(String tenantId);

}

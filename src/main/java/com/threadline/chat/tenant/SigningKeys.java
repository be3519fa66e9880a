package com.threadline.chat.tenant;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Read and written only with the key's tenant bound (row-level security). */
interface SigningKeys extends JpaRepository<SigningKey, String> {

	List<SigningKey> findByTenantIdAndRetiredAtIsNullOrderByCreatedAtDesc(String tenantId);

}

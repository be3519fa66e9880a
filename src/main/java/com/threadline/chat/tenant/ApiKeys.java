package com.threadline.chat.tenant;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeys extends JpaRepository<ApiKey, String> {

	Optional<ApiKey> findByKeyHash(String keyHash);

	List<ApiKey> findByTenantIdAndRevokedAtIsNull(String tenantId);

}

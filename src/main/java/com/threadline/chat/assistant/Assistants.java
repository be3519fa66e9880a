package com.threadline.chat.assistant;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Assistants extends JpaRepository<Assistant, String> {

	Optional<Assistant> findByTenantIdAndId(String tenantId, String id);

	@Query("select a from Assistant a where a.tenantId = :tenantId and a.seq > :lo and a.seq < :hi")
	List<Assistant> page(String tenantId, long lo, long hi, Sort sort, Limit limit);

}

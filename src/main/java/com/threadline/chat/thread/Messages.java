package com.threadline.chat.thread;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Messages extends JpaRepository<Message, String> {

	Optional<Message> findByTenantIdAndThreadIdAndId(String tenantId, String threadId, String id);

	List<Message> findByTenantIdAndThreadIdOrderBySeqAsc(String tenantId, String threadId);

	@Query("""
			select m from Message m where m.tenantId = :tenantId and m.threadId = :threadId
			and (:runId is null or m.runId = :runId) and m.seq > :lo and m.seq < :hi""")
	List<Message> page(String tenantId, String threadId, @Nullable String runId, long lo, long hi, Sort sort,
			Limit limit);

}

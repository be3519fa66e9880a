package com.threadline.chat.thread;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Threads extends JpaRepository<ChatThread, String> {

	Optional<ChatThread> findByTenantIdAndId(String tenantId, String id);

	@Query("""
			select t from ChatThread t where t.tenantId = :tenantId
			and (:user is null or t.user = :user) and t.seq > :lo and t.seq < :hi""")
	List<ChatThread> page(String tenantId, @Nullable String user, long lo, long hi, Sort sort, Limit limit);

	@Modifying
	@Query("""
			update ChatThread t set t.activeRunId = :runId
			where t.tenantId = :tenantId and t.id = :threadId and t.activeRunId is null""")
	int lock(String tenantId, String threadId, String runId);

	/**
	 * Deletes the thread unless a run holds it; its messages and runs go with it (foreign
	 * keys cascade). Evaluated by the database after any concurrent lock commits.
	 */
	@Modifying
	@Query("delete from ChatThread t where t.tenantId = :tenantId and t.id = :threadId and t.activeRunId is null")
	int deleteIfIdle(String tenantId, String threadId);

	@Modifying
	@Query("""
			update ChatThread t set t.activeRunId = null
			where t.tenantId = :tenantId and t.id = :threadId and t.activeRunId = :runId""")
	int unlock(String tenantId, String threadId, String runId);

}

package com.threadline.chat.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Runs extends JpaRepository<Run, String> {

	Optional<Run> findByTenantIdAndThreadIdAndId(String tenantId, String threadId, String id);

	/**
	 * The run, locked until the end of the transaction: state changes go one at a time.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Run r where r.tenantId = :tenantId and r.id = :id")
	Optional<Run> lock(String tenantId, String id);

	@Query("select r from Run r where r.tenantId = :tenantId and r.threadId = :threadId and r.seq > :lo and r.seq < :hi")
	List<Run> page(String tenantId, String threadId, long lo, long hi, Sort sort, Limit limit);

	/** Active runs past their deadline. */
	@Query("select r.id from Run r where r.tenantId = :tenantId and r.status in :active and r.expiresAt < :now")
	List<String> expired(String tenantId, Collection<RunStatus> active, Instant now);

	/**
	 * Runs in one of the {@code executing} statuses whose owner stopped beating before
	 * {@code staleBefore}, and with {@code own} all those owned by {@code instance}.
	 */
	@Query("""
			select r.id from Run r where r.tenantId = :tenantId and r.status in :executing
			and ((:own = true and r.ownerInstance = :instance) or r.heartbeatAt is null or r.heartbeatAt < :staleBefore)""")
	List<String> orphaned(String tenantId, Collection<RunStatus> executing, String instance, boolean own,
			Instant staleBefore);

	@Modifying
	@Query("update Run r set r.heartbeatAt = :now where r.tenantId = :tenantId and r.id in :ids")
	int beat(String tenantId, Collection<String> ids, Instant now);

	@Query("select r.id from Run r where r.tenantId = :tenantId and r.id in :ids and r.status = :status")
	List<String> inStatus(String tenantId, Collection<String> ids, RunStatus status);

}

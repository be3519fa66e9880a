package com.threadline.chat.run;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RunSteps extends JpaRepository<RunStep, String> {

	Optional<RunStep> findByTenantIdAndRunIdAndId(String tenantId, String runId, String id);

	List<RunStep> findByTenantIdAndRunIdOrderBySeqAsc(String tenantId, String runId);

	List<RunStep> findByTenantIdAndRunIdAndStatus(String tenantId, String runId, StepStatus status);

	@Query("select s from RunStep s where s.tenantId = :tenantId and s.runId = :runId and s.seq > :lo and s.seq < :hi")
	List<RunStep> page(String tenantId, String runId, long lo, long hi, Sort sort, Limit limit);

}

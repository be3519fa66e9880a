package com.threadline.chat.file;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.threadline.chat.tenant.Caller;

interface StoredFiles extends JpaRepository<StoredFile, String> {

	Optional<StoredFile> findByTenantIdAndId(String tenantId, String id);

	/**
	 * The file as this caller may see it (a user token: only its own); otherwise a 404.
	 */
	default StoredFile visible(Caller caller, String fileId) {
		return findByTenantIdAndId(caller.tenantId(), fileId).filter(file -> caller.mayAccess(file.user))
			.orElseThrow(() -> FileErrors.notFound(fileId));
	}

	List<StoredFile> findByTenantIdAndIdIn(String tenantId, List<String> ids);

	@Query("""
			select f from StoredFile f where f.tenantId = :tenantId
			and (:user is null or f.user = :user) and (:purpose is null or f.purpose = :purpose)
			and f.seq > :lo and f.seq < :hi""")
	List<StoredFile> page(String tenantId, @Nullable String user, @Nullable String purpose, long lo, long hi, Sort sort,
			Limit limit);

	@Query("select coalesce(sum(f.bytes), 0) from StoredFile f where f.tenantId = :tenantId")
	long bytesOf(String tenantId);

	/**
	 * Serialises the quota checks of one tenant's uploads until the transaction ends, so
	 * two concurrent uploads cannot both take the last free bytes.
	 */
	@Query(value = "select count(*) from (select pg_advisory_xact_lock(hashtextextended('files:' || :tenantId, 0))) l",
			nativeQuery = true)
	long lockQuota(String tenantId);

}

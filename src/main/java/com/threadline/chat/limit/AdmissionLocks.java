package com.threadline.chat.limit;

/**
 * The advisory locks run admissions take ({@link ActiveRuns}), all transaction-scoped:
 * shared ones of the tenant and of the thread's owner while an admission is under way,
 * and the tenant's exclusive one, in a key of its own, for an admission whose count is
 * made exact. Each query takes its lock before it counts holders in {@code pg_locks} (the
 * counting subqueries read the lock's column, so they run after it), and returns the
 * tenant's holders, the owner's, and how many of those this admission is.
 */
final class AdmissionLocks {

	private static final String KEYS = """
			select hashtextextended('threadline.run_admission:' || :tenant, 0) as tk,
			       (select hashtextextended('threadline.run_admission:' || :tenant || ':' || user_id, 0)
			        from threads where tenant_id = :tenant and id = :thread and user_id is not null) as uk,
			       hashtextextended('threadline.run_admission.exact:' || :tenant, 0) as xk""";

	private static final String DATABASE = "cross join (select oid from pg_database where datname = current_database()) d";

	/** Takes the shared locks; counts their holders, this admission included. */
	static final String UNDER_WAY = """
			select %s, %s, 1
			from (select k.tk, k.uk, cast(pg_advisory_xact_lock_shared(k.tk) as text) as t,
			             case when k.uk is not null then cast(pg_advisory_xact_lock_shared(k.uk) as text) end as u
			      from (%s) k) l
			%s""".formatted(holders("tk", "t", ""), holders("uk", "u", ""), KEYS, DATABASE);

	/**
	 * Waits for the tenant's exclusive lock; counts the other holders of the shared ones
	 * that neither hold nor wait for it: the admissions still deciding without it.
	 */
	static final String EXACT = """
			select %s, %s, 0
			from (select k.tk, k.uk, k.xk, cast(pg_advisory_xact_lock(k.xk) as text) as x from (%s) k) l
			%s""".formatted(holders("tk", "x", notDecidingExactly()), holders("uk", "x", notDecidingExactly()), KEYS,
			DATABASE);

	private AdmissionLocks() {
	}

	private static String notDecidingExactly() {
		return """
				and p.pid <> pg_backend_pid() and p.pid not in (select q.pid from pg_locks q
				    where q.locktype = 'advisory' and q.database = d.oid and q.objsubid = 1
				    and q.classid = cast((l.xk >> 32) & 4294967295 as oid) and q.objid = cast(l.xk & 4294967295 as oid))""";
	}

	/** The sessions holding the lock of key {@code key}, once {@code taken} is. */
	private static String holders(String key, String taken, String except) {
		return """
				(select count(distinct p.pid) from pg_locks p where p.locktype = 'advisory' and p.database = d.oid
				    and p.objsubid = 1 and p.granted and p.classid = cast((l.%1$s >> 32) & 4294967295 as oid)
				    and p.objid = cast(l.%1$s & 4294967295 as oid) and l.%2$s is not null %3$s)""".formatted(key, taken,
				except);
	}

}

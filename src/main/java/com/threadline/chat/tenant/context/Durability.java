package com.threadline.chat.tenant.context;

/**
 * Transaction labels ({@code @Transactional(label = …)}) that say how durable a commit
 * must be before it returns.
 */
public final class Durability {

	/**
	 * The commit returns before PostgreSQL has flushed it to disk
	 * ({@code synchronous_commit = off} for this transaction): for intermediate state a
	 * later synchronous commit makes durable in any case, and that a crash of the
	 * database (not of this application) may lose at most the last
	 * {@code 3 × wal_writer_delay} of, always as a consistent earlier state.
	 */
	public static final String ASYNC_COMMIT = "threadline:async-commit";

	private Durability() {
	}

}

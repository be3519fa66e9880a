package com.threadline.chat.tool.code.jail;

import java.util.BitSet;
import java.util.OptionalInt;

/**
 * The uids jails run as on a root server, one per live interpreter: the kernel counts
 * {@code RLIMIT_NPROC} per real uid, so a shared uid would let one session's fork bomb
 * starve every other session.
 */
final class Uids {

	private final int base;

	private final int count;

	private final boolean enabled;

	private final BitSet used;

	Uids(int base, int count, boolean enabled) {
		this.base = base;
		this.count = count;
		this.enabled = enabled;
		this.used = new BitSet(count);
	}

	synchronized OptionalInt acquire() {
		if (!this.enabled) {
			return OptionalInt.empty();
		}
		int free = this.used.nextClearBit(0);
		if (free >= this.count) {
			throw new InterpreterBroken("every sandbox uid is in use");
		}
		this.used.set(free);
		return OptionalInt.of(this.base + free);
	}

	synchronized void release(OptionalInt uid) {
		uid.ifPresent(id -> this.used.clear(id - this.base));
	}

}

package com.threadline.chat.system.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application assigns ({@code run_…}, {@code msg_…}): new until
 * stored or loaded, so that saving a new one inserts it at once instead of first looking
 * for it ({@code merge}'s extra select).
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

	@Transient
	private boolean fresh = true;

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.fresh = false;
	}

}

package com.threadline.chat.tenant;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Tenants extends JpaRepository<Tenant, String> {

	List<Tenant> findAllByOrderByCreatedAtAsc();

}

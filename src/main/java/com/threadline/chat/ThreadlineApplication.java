package com.threadline.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Threadline: a self-hosted, multi-tenant, Assistants-v2-compatible chat backend.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ThreadlineApplication {

	public static void main(String[] args) {
		SpringApplication.run(ThreadlineApplication.class, args);
	}

}

package com.threadline.chat.tool.sql;

import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Hands the tool role's name and password (as a SCRAM verifier) to the migration that
 * creates the role (V21), as the Flyway placeholders {@code ask_db_role} and
 * {@code ask_db_password}. Flyway leaves placeholder values out of its checksums, so a
 * changed password does not invalidate the applied migration (nor re-apply it: see
 * docs/ask-database.md for rotating it).
 */
@Component
class AskDatabaseRolePlaceholders implements FlywayConfigurationCustomizer {

	private final AskDatabaseProperties properties;

	AskDatabaseRolePlaceholders(AskDatabaseProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
		placeholders.put("ask_db_role", this.properties.username());
		placeholders.put("ask_db_password", ScramSecret.of(this.properties.password()));
		configuration.placeholders(placeholders);
	}

}

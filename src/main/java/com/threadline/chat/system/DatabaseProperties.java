package com.threadline.chat.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's own database login.
 *
 * @param allowSuperuser development only ({@code CHAT_DATABASE_ALLOWSUPERUSER}): start
 * even when the configured login is a superuser or has BYPASSRLS, with a warning on every
 * start, although row-level security then does not bind the application
 */
@ConfigurationProperties("chat.database")
public record DatabaseProperties(@DefaultValue("false") boolean allowSuperuser) {
}

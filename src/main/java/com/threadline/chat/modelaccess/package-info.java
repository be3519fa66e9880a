/**
 * The operator's per-tenant model allow-list, and the check that assistants and runs use
 * only the models and providers it lets the tenant use.
 */
@ApplicationModule(allowedDependencies = { "llm", "tenant :: context", "system" })
@NullMarked
package com.threadline.chat.modelaccess;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

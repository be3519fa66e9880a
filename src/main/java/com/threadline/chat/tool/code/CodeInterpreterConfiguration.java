package com.threadline.chat.tool.code;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.threadline.chat.file.FileService;
import com.threadline.chat.tool.code.jail.InterpreterPool;
import com.threadline.chat.tool.code.jail.Jail;

/**
 * Wires {@code code_interpreter} when {@code chat.tool.code.enabled} (the default). The
 * pool starts its probe at once, in the background; closing the context kills every
 * interpreter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "chat.tool.code.enabled", matchIfMissing = true)
class CodeInterpreterConfiguration {

	@Bean(destroyMethod = "close")
	InterpreterPool codeInterpreterPool(CodeInterpreterProperties properties) {
		return new InterpreterPool(new Jail(properties), properties);
	}

	@Bean(destroyMethod = "close")
	Sessions codeInterpreterSessions(InterpreterPool pool, CodeInterpreterProperties properties) {
		return new Sessions(pool, properties);
	}

	@Bean
	CodeInterpreterTool codeInterpreterTool(InterpreterPool pool, Sessions sessions, FileService files,
			CodeInterpreterProperties properties) {
		return new CodeInterpreterTool(pool, sessions,
				new SessionWork(new TenantFiles(files, properties.maxFileSize().toBytes()), properties));
	}

}

package com.threadline.chat.tool.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.threadline.chat.tool.ToolCall;
import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolResult;
import com.threadline.chat.tool.code.jail.InterpreterPool;
import com.threadline.chat.tool.code.jail.Jail;

/**
 * A real sandbox (bwrap and Debian's python3) without a Spring context, and an in-memory
 * stand-in for the tenant's Files.
 */
final class Sandboxes implements AutoCloseable {

	final CodeInterpreterProperties properties;

	final InterpreterPool pool;

	final Sessions sessions;

	final MemoryFiles files = new MemoryFiles();

	final CodeInterpreterTool tool;

	private final AtomicInteger calls = new AtomicInteger();

	Sandboxes(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>();
		settings.forEach((key, value) -> all.put("chat.tool.code." + key, value));
		this.properties = new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("chat.tool.code",
				CodeInterpreterProperties.class);
		this.pool = new InterpreterPool(new Jail(this.properties), this.properties);
		this.sessions = new Sessions(this.pool, this.properties);
		this.tool = new CodeInterpreterTool(this.pool, this.sessions, new SessionWork(this.files, this.properties));
	}

	static String json(String code) {
		return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(Map.of("code", code));
	}

	ToolResult run(String tenant, String thread, String code, String... fileIds) {
		return this.tool.execute(new ToolCall("call_" + this.calls.incrementAndGet(), "code_interpreter", json(code)),
				new ToolContext(tenant, thread, "run_1", "turn_1", null, List.of(fileIds)));
	}

	@Override
	public void close() {
		this.sessions.close();
	}

	/** The tenant's Files, in memory. */
	static final class MemoryFiles implements SessionFiles {

		final Map<String, Stored> stored = new ConcurrentHashMap<>();

		private final AtomicInteger ids = new AtomicInteger();

		String add(String tenantId, String filename, byte[] content) {
			String id = "file-" + this.ids.incrementAndGet();
			this.stored.put(id, new Stored(tenantId, null, filename, content));
			return id;
		}

		@Override
		public List<Incoming> existing(String tenantId, List<String> fileIds) {
			List<Incoming> found = new ArrayList<>();
			for (String id : fileIds) {
				Stored file = this.stored.get(id);
				if (file != null && file.tenantId().equals(tenantId)) {
					found.add(new Incoming() {

						@Override
						public String id() {
							return id;
						}

						@Override
						public String filename() {
							return file.filename();
						}

						@Override
						public long bytes() {
							return file.content().length;
						}

						@Override
						public byte[] content() {
							return file.content();
						}

					});
				}
			}
			return found;
		}

		@Override
		public String store(String tenantId, @Nullable String user, String filename, byte[] content) {
			String id = "file-" + this.ids.incrementAndGet();
			this.stored.put(id, new Stored(tenantId, user, filename, content));
			return id;
		}

	}

	record Stored(String tenantId, @Nullable String user, String filename, byte[] content) {
	}

}

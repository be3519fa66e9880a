package com.threadline.chat.tool.code;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code code_interpreter} tool: where its jail's programs are, the limits put on the
 * model's code, and how many sessions are kept (docs/code-interpreter.md).
 *
 * @param enabled whether the server offers and runs {@code code_interpreter} at all
 * @param bwrap the bubblewrap binary
 * @param python the interpreter inside the jail (Debian's, with numpy, pandas and
 * matplotlib; never a pyenv shim)
 * @param prlimit util-linux {@code prlimit}, which sets the jail's hard resource limits
 * @param setpriv util-linux {@code setpriv}, which drops a root server's jail to an
 * unprivileged uid so the process limit binds
 * @param uidBase the first of the uids the jails run as when the server runs as root (one
 * per live interpreter, so one session's processes never count against another's)
 * @param callTimeout the wall-clock time one call may run before its interpreter is
 * killed
 * @param startTimeout how long a new interpreter may take to start and import its
 * libraries
 * @param idleTimeout how long an unused session is kept before it is closed
 * @param maxSessions the most sessions kept at once; past it the least recently used idle
 * one is closed
 * @param maxConcurrent the most calls executing at once on this instance
 * @param poolSize how many started interpreters wait for a thread's first call
 * @param cpuTime the CPU seconds a session may use in all (a hard limit)
 * @param memory the address space of each process of a session
 * @param maxProcesses the most processes and threads of a session
 * @param workspaceSize the size of a session's {@code /mnt/data}
 * @param maxFileSize the largest file a session may write, and the largest copied in or
 * out
 * @param maxOutputSize the most output read from the jail per call
 * @param maxModelOutput the most characters of output the model reads per call
 * @param maxImages the most figures returned per call
 * @param maxFilesOut the most written files stored per call
 */
@ConfigurationProperties("chat.tool.code")
public record CodeInterpreterProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("/usr/bin/bwrap") String bwrap, @DefaultValue("/usr/bin/python3") String python,
		@DefaultValue("/usr/bin/prlimit") String prlimit, @DefaultValue("/usr/bin/setpriv") String setpriv,
		@DefaultValue("61000") int uidBase, @DefaultValue("30s") Duration callTimeout,
		@DefaultValue("60s") Duration startTimeout, @DefaultValue("20m") Duration idleTimeout,
		@DefaultValue("16") int maxSessions, @DefaultValue("4") int maxConcurrent, @DefaultValue("2") int poolSize,
		@DefaultValue("600") int cpuTime, @DefaultValue("2GB") DataSize memory, @DefaultValue("64") int maxProcesses,
		@DefaultValue("256MB") DataSize workspaceSize, @DefaultValue("32MB") DataSize maxFileSize,
		@DefaultValue("1MB") DataSize maxOutputSize, @DefaultValue("20000") int maxModelOutput,
		@DefaultValue("10") int maxImages, @DefaultValue("20") int maxFilesOut) {

	public CodeInterpreterProperties {
		check(maxSessions >= 1 && maxSessions <= 1000, "chat.tool.code.max-sessions must be between 1 and 1000");
		check(maxConcurrent >= 1 && maxConcurrent <= maxSessions,
				"chat.tool.code.max-concurrent must be between 1 and max-sessions");
		check(poolSize >= 0 && poolSize <= 32, "chat.tool.code.pool-size must be between 0 and 32");
		check(uidBase >= 1000 && uidBase + maxSessions + poolSize < 2_000_000_000,
				"chat.tool.code.uid-base must be at least 1000");
		check(maxProcesses >= 4, "chat.tool.code.max-processes must be at least 4");
		check(memory.toMegabytes() >= 256, "chat.tool.code.memory must be at least 256MB");
		check(maxFileSize.toBytes() <= workspaceSize.toBytes(),
				"chat.tool.code.max-file-size must not exceed workspace-size");
		check(maxModelOutput >= 100, "chat.tool.code.max-model-output must be at least 100");
		check(callTimeout.toMillis() >= 100, "chat.tool.code.call-timeout must be at least 100ms");
	}

	/** The uids one instance may hand out, one per interpreter alive at once. */
	public int uidCount() {
		return this.maxSessions + this.poolSize + 4;
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}

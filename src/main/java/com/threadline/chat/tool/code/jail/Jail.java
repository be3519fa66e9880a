package com.threadline.chat.tool.code.jail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.threadline.chat.tool.code.CodeInterpreterProperties;

/**
 * The command line of one jailed interpreter: {@code prlimit} sets hard limits, then (on
 * a root server) {@code setpriv} drops to an unprivileged uid of its own, then
 * {@code bwrap} builds an empty world with a read-only {@code /usr} and fresh tmpfs
 * {@code /mnt/data} and {@code /tmp}, and runs the trusted runner.
 */
public final class Jail {

	private static final String RUNNER = runnerSource();

	private static final List<String> READ_ONLY = List.of("/usr", "/etc/ld.so.cache", "/etc/alternatives",
			"/etc/matplotlibrc", "/etc/fonts");

	private final CodeInterpreterProperties properties;

	private final boolean root;

	public Jail(CodeInterpreterProperties properties) {
		this.properties = properties;
		this.root = runsAsRoot();
	}

	/** Why the jail cannot start at all (a program missing), or empty. */
	Optional<String> missing() {
		for (String program : List.of(this.properties.bwrap(), this.properties.python(), this.properties.prlimit(),
				this.properties.setpriv())) {
			if (!Files.isExecutable(Path.of(program))) {
				return Optional.of(program + " is not installed");
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the jail can drop to its own uid, which is what makes the process limit
	 * bind.
	 */
	boolean dropsPrivileges() {
		return this.root;
	}

	List<String> command(OptionalInt uid) {
		List<String> command = new ArrayList<>(limits());
		if (this.root && uid.isPresent()) {
			String id = Integer.toString(uid.getAsInt());
			command.addAll(List.of(this.properties.setpriv(), "--reuid=" + id, "--regid=" + id, "--clear-groups",
					"--inh-caps=-all", "--bounding-set=-all", "--"));
		}
		command.addAll(bubblewrap());
		command.addAll(List.of(this.properties.python(), "-I", "-c", RUNNER,
				Long.toString(this.properties.maxOutputSize().toBytes()),
				Long.toString(this.properties.maxFileSize().toBytes()), Integer.toString(this.properties.maxImages())));
		return command;
	}

	private List<String> limits() {
		List<String> limits = new ArrayList<>(List.of(this.properties.prlimit(), "--cpu=" + this.properties.cpuTime(),
				"--as=" + this.properties.memory().toBytes(), "--fsize=" + this.properties.maxFileSize().toBytes(),
				"--nofile=256", "--core=0"));
		// RLIMIT_NPROC counts every task of the real uid and is waived for root: a root
		// server gives the jail a uid of its own; any other server counts its own tasks
		// (the JVM's threads, other jails) and allows the jail that many more.
		long allowed = this.properties.maxProcesses() + (this.root ? 0 : UserTasks.count());
		limits.add("--nproc=" + allowed);
		limits.add("--");
		return limits;
	}

	private List<String> bubblewrap() {
		List<String> bwrap = new ArrayList<>(List.of(this.properties.bwrap(), "--unshare-all", "--die-with-parent",
				"--new-session", "--cap-drop", "ALL"));
		for (String path : READ_ONLY) {
			if (Files.exists(Path.of(path))) {
				bwrap.addAll(List.of("--ro-bind", path, path));
			}
		}
		for (String link : List.of("bin", "sbin", "lib", "lib64", "lib32", "libx32")) {
			if (Files.isSymbolicLink(Path.of("/" + link))) {
				bwrap.addAll(List.of("--symlink", "usr/" + link, "/" + link));
			}
		}
		bwrap.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size",
				Long.toString(this.properties.workspaceSize().toBytes()), "--tmpfs", "/mnt/data", "--size",
				Long.toString(64L * 1024 * 1024), "--tmpfs", "/tmp", "--chdir", "/mnt/data", "--clearenv"));
		environment(bwrap);
		return bwrap;
	}

	private static void environment(List<String> bwrap) {
		List<String> variables = List.of("PATH", "/usr/bin:/bin", "HOME", "/tmp", "XDG_CACHE_HOME", "/tmp", "LANG",
				"C.UTF-8", "MPLBACKEND", "Agg", "MPLCONFIGDIR", "/tmp", "OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS",
				"1");
		for (int i = 0; i < variables.size(); i += 2) {
			bwrap.addAll(List.of("--setenv", variables.get(i), variables.get(i + 1)));
		}
	}

	private static boolean runsAsRoot() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter(line -> line.startsWith("Uid:"))
				.anyMatch(line -> line.split("\\s+")[1].equals("0"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String runnerSource() {
		try (InputStream in = Jail.class.getResourceAsStream("runner.py")) {
			if (in == null) {
				throw new IllegalStateException("runner.py is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

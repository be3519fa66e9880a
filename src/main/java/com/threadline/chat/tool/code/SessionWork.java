package com.threadline.chat.tool.code;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.threadline.chat.tool.ToolContext;
import com.threadline.chat.tool.ToolResult;
import com.threadline.chat.tool.code.jail.Execution;

/**
 * One call on a session: the run's files not yet there are copied in, the code runs, and
 * the figures and files it produced are stored as Files. Names and sizes that come out of
 * the jail are checked here, whatever the runner claims.
 */
final class SessionWork {

	private static final Logger log = LoggerFactory.getLogger(SessionWork.class);

	private static final Pattern SAFE_NAME = Pattern.compile("[^\\x00-\\x1f\\x7f/\\\\]{1,255}");

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final SessionFiles files;

	private final CodeInterpreterProperties properties;

	SessionWork(SessionFiles files, CodeInterpreterProperties properties) {
		this.files = files;
		this.properties = properties;
	}

	ToolResult run(Session session, String code, ToolContext context) {
		Transcript transcript = new Transcript(this.properties.maxModelOutput());
		copyIn(session, context, transcript);
		Execution execution = session.interpreter().execute(code, this.properties.callTimeout());
		int stored = 0;
		for (byte[] image : execution.images()) {
			if (stored++ < this.properties.maxFilesOut() && startsWith(image, PNG)) {
				store(context, "figure-" + stored + ".png", image).ifPresent(id -> transcript.image(id, null));
			}
		}
		for (Execution.Written written : execution.written()) {
			if (stored++ >= this.properties.maxFilesOut()) {
				transcript.notStored(printable(written.name()), "too many files in one call");
			}
			else {
				storeWritten(session, context, written, transcript);
			}
		}
		return transcript.result(execution);
	}

	private void copyIn(Session session, ToolContext context, Transcript transcript) {
		List<String> missing = context.fileIds().stream().filter(id -> !session.copied().containsKey(id)).toList();
		if (missing.isEmpty()) {
			return;
		}
		for (SessionFiles.Incoming file : this.files.existing(context.tenantId(), missing)) {
			if (file.bytes() > this.properties.maxFileSize().toBytes()) {
				transcript.notStored(file.filename(), "too big to copy into the sandbox");
				continue;
			}
			String name = session.interpreter()
				.put(safeName(file.filename()), file.content(), this.properties.callTimeout());
			session.copied().put(file.id(), name);
			transcript.copiedIn(name);
		}
	}

	private void storeWritten(Session session, ToolContext context, Execution.Written written, Transcript transcript) {
		String name = written.name();
		if (!validPath(name) || written.size() > this.properties.maxFileSize().toBytes()) {
			transcript.notStored(printable(name), "not a name or size the sandbox returns");
			return;
		}
		byte[] content;
		try {
			content = session.interpreter().get(name, this.properties.callTimeout());
		}
		catch (IllegalArgumentException ex) {
			transcript.notStored(name, ex.getMessage());
			return;
		}
		String filename = name.substring(name.lastIndexOf('/') + 1);
		Optional<String> id = store(context, filename, content);
		if (id.isEmpty()) {
			transcript.notStored(name, "it could not be stored");
		}
		else if (isImage(filename, content)) {
			transcript.image(id.get(), name);
		}
		else {
			transcript.file(id.get(), name, content.length);
		}
	}

	private Optional<String> store(ToolContext context, String filename, byte[] content) {
		try {
			return Optional.of(this.files.store(context.tenantId(), context.user(), filename, content));
		}
		catch (RuntimeException ex) {
			log.info("code_interpreter could not store {} for tenant {}: {}", filename, context.tenantId(),
					ex.getMessage());
			return Optional.empty();
		}
	}

	static boolean validPath(String name) {
		if (name.isEmpty() || name.length() > 1024 || name.startsWith("/")) {
			return false;
		}
		for (String part : name.split("/", -1)) {
			if (!SAFE_NAME.matcher(part).matches() || part.equals("..") || part.startsWith(".")) {
				return false;
			}
		}
		return true;
	}

	static String safeName(String filename) {
		String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
			.replaceAll("[\\x00-\\x1f\\x7f]", "_")
			.replaceFirst("^\\.+", "_");
		return name.isEmpty() ? "file" : name.substring(0, Math.min(name.length(), 200));
	}

	private static String printable(String name) {
		String cleaned = name.replaceAll("[\\x00-\\x1f\\x7f]", "?");
		return cleaned.substring(0, Math.min(cleaned.length(), 200));
	}

	private static boolean isImage(String filename, byte[] content) {
		String lower = filename.toLowerCase(Locale.ROOT);
		return (lower.endsWith(".png") && startsWith(content, PNG))
				|| ((lower.endsWith(".jpg") || lower.endsWith(".jpeg")) && content.length > 3
						&& content[0] == (byte) 0xff && content[1] == (byte) 0xd8 && content[2] == (byte) 0xff);
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}

package com.threadline.chat.tool.code.jail;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one run of the model's code produced inside the jail (already capped by the
 * runner, checked again by the host).
 *
 * @param logs standard output and error
 * @param cut whether the logs were cut at the cap
 * @param error the traceback, when the code raised
 * @param images the figures the code showed or left open, as PNG bytes
 * @param written the files under {@code /mnt/data} the code created or changed
 */
public record Execution(String logs, boolean cut, @Nullable String error, List<byte[]> images, List<Written> written) {

	public Execution {
		images = List.copyOf(images);
		written = List.copyOf(written);
	}

	/** A file the code wrote, by its path under {@code /mnt/data}. */
	public record Written(String name, long size) {
	}

}

package com.threadline.chat.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.threadline.chat.tenant.AdminProperties;

/**
 * Whether the operator API is on ({@code ADMIN_TOKEN} set), and which requests are for
 * it. While it is off, nothing may reveal that it exists.
 */
@Component
class OperatorApi {

	static final String[] PATHS = { "/admin", "/admin/**" };

	private static final PathPattern ADMIN = PathPatternParser.defaultInstance.parse("/admin/**");

	private final boolean enabled;

	OperatorApi(AdminProperties admin) {
		this.enabled = admin.token() != null && !admin.token().isBlank();
	}

	boolean enabled() {
		return this.enabled;
	}

	/** Whether a request that reached the chain is for the operator API. */
	static boolean isFor(ServerWebExchange exchange) {
		return ADMIN.matches(exchange.getRequest().getPath().pathWithinApplication());
	}

	/**
	 * Whether a request the firewall rejected might have been read as one for the
	 * operator API by some other server: its raw path, decoded repeatedly, lower-cased,
	 * with backslashes as slashes, {@code ;} parameters dropped and dot-segments
	 * resolved, starts with {@code admin}. Deliberately generous: it only decides between
	 * two refusals.
	 */
	static boolean mayBeFor(String rawPath) {
		String path = rawPath;
		for (int i = 0; i < 3 && path.indexOf('%') >= 0; i++) {
			try {
				path = UriUtils.decode(path, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				break;
			}
		}
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : path.toLowerCase(Locale.ROOT).replace('\\', '/').split("/")) {
			String name = segment.replaceFirst(";.*", "").strip();
			if (name.equals("..")) {
				segments.pollLast();
			}
			else if (!name.isEmpty() && !name.equals(".")) {
				segments.addLast(name);
			}
		}
		return !segments.isEmpty() && segments.peekFirst().startsWith("admin");
	}

}

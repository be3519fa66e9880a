package com.threadline.chat.system;

import java.beans.PropertyEditorSupport;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path variables, query parameters and headers that handlers bind as strings are checked
 * the way request bodies are ({@link StorableTextModule}): {@code GET /v1/assistants/%00}
 * or {@code ?after=%00} is a 400 naming {@code assistant_id} or {@code after}, not a
 * failed database query. One binder hook for every controller, so no new route forgets
 * it.
 */
@ControllerAdvice
class StorableParameters {

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	@InitBinder
	void storableStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new Editor(param(binder.getObjectName())));
	}

	/**
	 * OpenAI's name for a parameter: {@code threadId} is {@code thread_id}; header names
	 * such as {@code Last-Event-ID} stay as they are.
	 */
	private static String param(String name) {
		return name.contains("-") ? name : CAMEL_HUMP.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
	}

	private static final class Editor extends PropertyEditorSupport {

		private final String param;

		Editor(String param) {
			this.param = param;
		}

		@Override
		public void setAsText(@Nullable String text) {
			setValue((text != null) ? StorableText.checked(text, this.param) : null);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

}

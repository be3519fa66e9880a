package com.threadline.chat.system;

import java.beans.PropertyEditorSupport;

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

	@InitBinder
	void storableStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new Editor(StorableText.openAiName(binder.getObjectName())));
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

// Model text is markdown from an untrusted source: marked turns it into HTML, DOMPurify removes everything that
// could run script (event handlers, javascript: URLs, script, iframes, forms), and only then does it reach the DOM.

import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const markdown = new Marked({ gfm: true, breaks: true, async: false });

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
	if (node.tagName === 'A' && node.hasAttribute('href')) {
		node.setAttribute('target', '_blank');
		node.setAttribute('rel', 'noopener noreferrer nofollow');
	}
});

const POLICY = {
	USE_PROFILES: { html: true },
	FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
	FORBID_ATTR: ['style'],
};

/** The sanitised HTML of a markdown text. */
export function markdownToHtml(text) {
	return purifier.sanitize(markdown.parse(text ?? ''), POLICY);
}

/** Renders markdown text into an element, safely. */
export function renderMarkdown(element, text) {
	element.innerHTML = markdownToHtml(text);
}

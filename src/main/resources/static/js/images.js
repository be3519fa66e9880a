// Images in the conversation: a message's image_file and image_url parts, and the charts code_interpreter drew.
//
// A file's bytes are behind the user's token, and a token never goes in a URL: the page fetches
// /v1/files/{id}/content itself (the bearer in a header, as api.js sends it) and shows the bytes from a blob: URL,
// revoked once the image has left the page. An image_url shows when it is inline data; another site's image is only
// linked, never loaded (img-src 'self' data: blob:): loading it would tell that site who reads the thread, and when.

import { t } from './i18n.js';

let api = null;

const shown = new Set();

/** The API the page is signed in to (null when signed out): file images are fetched with its token. */
export function useApi(value) {
	api = value;
}

function revoke(img) {
	URL.revokeObjectURL(img.dataset.blob);
	delete img.dataset.blob;
	shown.delete(img);
}

// Re-rendering detaches and re-attaches an image within one task; only one still detached afterwards is gone.
new MutationObserver(() => shown.forEach((img) => !img.isConnected && revoke(img)))
	.observe(document.documentElement, { childList: true, subtree: true });

function image(attributes) {
	const img = document.createElement('img');
	img.className = 'message-image';
	img.alt = t('image');
	Object.entries(attributes).forEach(([name, value]) => img.setAttribute(name, value));
	return img;
}

/** An {@code <img>} of a File of the user's ({@code data-testid="file-image"}), filled in once fetched. */
export function fileImage(fileId) {
	const img = image({ 'data-testid': 'file-image', 'data-file-id': fileId, 'data-state': 'loading' });
	const from = api;
	if (!from) {
		img.dataset.state = 'failed';
		return img;
	}
	from.blob(`v1/files/${encodeURIComponent(fileId)}/content`).then((blob) => {
		img.dataset.blob = URL.createObjectURL(blob);
		img.src = img.dataset.blob;
		img.dataset.state = 'loaded';
		shown.add(img);
		if (!img.isConnected) {
			revoke(img); // left the page while it was being fetched
		}
	}).catch((error) => {
		console.warn(`Image ${fileId} could not be fetched`, error);
		img.alt = t('imageUnavailable');
		img.dataset.state = 'failed';
	});
	return img;
}

/** An image_url part: the image when its URL is inline data, else a link to it. */
export function urlImage(url) {
	if (/^data:image\//i.test(url)) {
		return image({ 'data-testid': 'url-image', src: url });
	}
	const link = document.createElement('a');
	link.className = 'image-link';
	link.dataset.testid = 'image-link';
	link.textContent = t('imageLink');
	if (/^https:\/\//i.test(url)) {
		link.href = url;
		link.target = '_blank';
		link.rel = 'noopener noreferrer';
	}
	return link;
}

/** The element of one image content part, or null when the part is not an image. */
export function imagePart(part) {
	if (part?.type === 'image_file' && part.image_file?.file_id) {
		return fileImage(part.image_file.file_id);
	}
	if (part?.type === 'image_url' && typeof part.image_url?.url === 'string') {
		return urlImage(part.image_url.url);
	}
	return null;
}

/** A key that changes when the images of these parts change. */
export function imageKey(part) {
	return (part?.type === 'image_file') ? `file:${part.image_file?.file_id}`
		: (part?.type === 'image_url') ? `url:${part.image_url?.url}` : '';
}

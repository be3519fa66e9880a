// A "#token=…" link signs in with a token someone else minted. Taken at face value, a stranger's link would sign
// the reader in as the stranger's user, and whatever the reader then typed would land in threads the stranger can
// read. So the page asks first and uses the token only on a yes; the address bar has lost the token already.

/** Asks whether to sign in with a link's session: resolves true to sign in, false not to (Cancel or Escape). */
export function confirmLinkSignIn(session) {
	const dialog = document.getElementById('link-sign-in');
	dialog.querySelector('[data-testid="link-assistant"]').textContent = session.assistant || '—';
	return new Promise((resolve) => {
		const listening = new AbortController();
		const answer = (yes) => {
			listening.abort();
			dialog.close();
			resolve(yes);
		};
		const on = (selector, type, handler) => dialog.querySelector(selector)
			.addEventListener(type, handler, { signal: listening.signal });
		on('[data-testid="link-accept"]', 'click', () => answer(true));
		on('[data-testid="link-decline"]', 'click', () => answer(false));
		dialog.addEventListener('cancel', (event) => {
			event.preventDefault();
			answer(false);
		}, { signal: listening.signal });
		dialog.showModal();
		dialog.querySelector('[data-testid="link-decline"]').focus();
	});
}

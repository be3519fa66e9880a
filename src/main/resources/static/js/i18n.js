// The page's own words in English and Chinese, chosen from the browser's preferred languages.

const STRINGS = {
	en: {
		signInTitle: 'Chat with an assistant',
		tryDemo: 'Try the demo',
		demoHint: "A one-click demo user of this server's demo tenant, chatting with 瓜瓜 about the course schedule.",
		demoUnavailable: 'The demo is not enabled on this server. Sign in with a user token instead.',
		tokenHint: 'Or sign in with a user token your tenant issued (POST /v1/user_tokens).',
		tokenLabel: 'User token',
		assistantLabel: 'Assistant id',
		signIn: 'Sign in',
		linkTitle: 'Sign in from this link?',
		linkWarning: 'This link signs you in with a token it carries. Continue only if you asked for it: '
			+ 'whoever made the link can read what you write under it.',
		linkAssistant: 'Assistant',
		linkAccept: 'Sign in',
		linkDecline: 'Cancel',
		signOut: 'Sign out',
		conversations: 'Conversations',
		messages: 'Messages',
		newThread: 'New chat',
		moreThreads: 'Older conversations',
		untitled: 'Conversation of {date}',
		emptyThread: 'Ask something to start a conversation.',
		messageLabel: 'Message',
		messagePlaceholder: 'Message the assistant (Enter to send, Shift+Enter for a new line)',
		send: 'Send',
		cancel: 'Stop',
		dismiss: 'Dismiss',
		connecting: 'Connecting…',
		streaming: 'Answering…',
		reconnecting: 'Connection lost, reconnecting…',
		resumed: 'Reconnected',
		toolRunning: 'running…',
		toolDone: 'done',
		toolFailed: 'failed',
		toolCancelled: 'stopped',
		toolExpired: 'expired',
		toolQuery: 'Query',
		toolArguments: 'Arguments',
		toolCode: 'Code',
		toolResult: 'Result',
		toolLogs: 'Output',
		toolImages: 'Images',
		image: 'Image',
		imageUnavailable: 'Image unavailable',
		imageLink: 'Image on another site (opens it)',
		noRows: 'No rows.',
		truncated: 'Only the first rows came back: the result was cut.',
		runCancelled: 'Stopped.',
		runFailed: 'The run failed: {message}',
		runExpired: 'The run expired.',
		runIncomplete: 'The answer is incomplete ({reason}).',
		messageIncomplete: 'The answer stopped here.',
		requiresAction:
			'The assistant asked to run {names}, a function only the tenant\'s own code can answer; this page stopped the run.',
		streamError: 'The stream reported an error: {message}',
		connectionLost: 'The connection to the server was lost and could not be restored: {message}',
		httpError: '{message} (HTTP {status})',
	},
	zh: {
		signInTitle: '与助手对话',
		tryDemo: '试用演示',
		demoHint: '一键成为本服务器演示租户的演示用户，和瓜瓜聊聊课程安排。',
		demoUnavailable: '本服务器没有启用演示，请使用用户令牌登录。',
		tokenHint: '或者使用租户签发的用户令牌登录（POST /v1/user_tokens）。',
		tokenLabel: '用户令牌',
		assistantLabel: '助手 ID',
		signIn: '登录',
		linkTitle: '通过此链接登录？',
		linkWarning: '此链接会用它携带的令牌为你登录。只有在你确实请求了这个链接时才继续：制作链接的人能读到你在此身份下写的内容。',
		linkAssistant: '助手',
		linkAccept: '登录',
		linkDecline: '取消',
		signOut: '退出',
		conversations: '会话',
		messages: '消息',
		newThread: '新对话',
		moreThreads: '更早的会话',
		untitled: '{date} 的会话',
		emptyThread: '提个问题，开始对话吧。',
		messageLabel: '消息',
		messagePlaceholder: '给助手发消息（Enter 发送，Shift+Enter 换行）',
		send: '发送',
		cancel: '停止',
		dismiss: '关闭',
		connecting: '连接中…',
		streaming: '回答中…',
		reconnecting: '连接中断，正在重连…',
		resumed: '已重新连接',
		toolRunning: '运行中…',
		toolDone: '完成',
		toolFailed: '失败',
		toolCancelled: '已停止',
		toolExpired: '已过期',
		toolQuery: '查询',
		toolArguments: '参数',
		toolCode: '代码',
		toolResult: '结果',
		toolLogs: '输出',
		toolImages: '图片',
		image: '图片',
		imageUnavailable: '图片无法显示',
		imageLink: '其他网站上的图片（点击打开）',
		noRows: '没有数据。',
		truncated: '结果过长，只返回了前面的行。',
		runCancelled: '已停止。',
		runFailed: '运行失败：{message}',
		runExpired: '运行已过期。',
		runIncomplete: '回答不完整（{reason}）。',
		messageIncomplete: '回答在此中断。',
		requiresAction: '助手要求运行 {names}，这个函数只能由租户自己的代码回答；本页已停止这次运行。',
		streamError: '数据流报告了错误：{message}',
		connectionLost: '与服务器的连接中断，无法恢复：{message}',
		httpError: '{message}（HTTP {status}）',
	},
};

export const language = (navigator.languages || [navigator.language || 'en'])
	.map((tag) => tag.toLowerCase().split('-')[0])
	.find((tag) => tag in STRINGS) || 'en';

/** The text for {@code key}, with {name} placeholders filled from {@code values}. */
export function t(key, values = {}) {
	const text = STRINGS[language][key] ?? STRINGS.en[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Puts the chosen language's words into the static page (data-i18n, -label, -placeholder). */
export function translatePage(root = document) {
	document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
	root.querySelectorAll('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n)));
	root.querySelectorAll('[data-i18n-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
	root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => (el.placeholder = t(el.dataset.i18nPlaceholder)));
}

/**
 * A BCP 47 tag for a piece of user or model text: Chinese when it holds Han characters and no kana
 * or hangul, else undefined (inherit), so screen readers and font selection treat it right.
 */
export function languageOf(text) {
	if (/[\u3040-\u30ff\uac00-\ud7af]/.test(text)) {
		return undefined;
	}
	return /\p{Script=Han}/u.test(text) ? 'zh' : undefined;
}

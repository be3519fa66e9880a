package com.threadline.chat.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.threadline.chat.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's own ES modules, exercised in the real browser: the server-sent events reader
 * in every chunking, the run stream's resumption, and how tool calls are shown.
 */
class PageScriptTests extends BrowserTest {

	/** Reads {@code input} through js/sse.js, split into chunks of {@code chunkBytes}. */
	private static final String READ_EVENTS = """
			const [input, chunkBytes, done] = arguments;
			(async () => {
			  const { readEvents } = await import('./js/sse.js');
			  const bytes = new TextEncoder().encode(input);
			  const body = new ReadableStream({ start(controller) {
			    for (let i = 0; i < bytes.length; i += chunkBytes) controller.enqueue(bytes.slice(i, i + chunkBytes));
			    controller.close();
			  } });
			  const events = [];
			  for await (const event of readEvents(body)) events.push(event);
			  return JSON.stringify(events);
			})().then(done, (e) => done('failed: ' + e));
			""";

	@BeforeEach
	void openPage() {
		this.browser.open("/");
	}

	private JsonNode readEvents(String input, int chunkBytes) {
		return Api.json((String) this.browser.asyncScript(READ_EVENTS, input, chunkBytes));
	}

	private static String events(JsonNode events) {
		StringBuilder text = new StringBuilder();
		events.forEach(e -> text.append(e.get("event").asString())
			.append('|')
			.append(e.get("data").asString())
			.append('|')
			.append(e.get("id").asString())
			.append('\n'));
		return text.toString();
	}

	@Test
	void sseReaderDecodesOpenAiFramedEventsSplitAnywhereEvenInsideAChineseCharacter() {
		String input = """
				event: thread.message.delta
				data: {"delta":{"content":[{"index":0,"type":"text","text":{"value":"这周有两节课"}}]}}

				event: done
				data: [DONE]

				""";
		String expected = """
				thread.message.delta|{"delta":{"content":[{"index":0,"type":"text","text":{"value":"这周有两节课"}}]}}|
				done|[DONE]|
				""";
		for (int chunkBytes : new int[] { 1, 2, 3, 7, 1000 }) {
			assertThat(events(readEvents(input, chunkBytes))).as("in chunks of %d bytes", chunkBytes)
				.isEqualTo(expected);
		}
	}

	@Test
	void sseReaderFollowsTheEventStreamRulesForLinesFieldsAndIds() {
		String input = "\uFEFFid: 1\r\nevent: a\r\ndata: x\r\n\r\n" // CRLF, after a BOM
				+ "id: 2\revent: b\rdata: y\r\r" // CR alone
				+ ": keep-alive\n\n" // a comment dispatches nothing
				+ "data: line1\ndata:line2\n\n" // data lines join; the id persists
				+ "event: nothing\n\n" // no data: not dispatched
				+ "id: bad\0id\ndata\nretry: 1000\nunknown: field\n\n" // NUL id ignored;
																		// "data" alone is
																		// ""
				+ "id\ndata: cleared\n\n" // an empty id resets the last event id
				+ "data: never finished\n"; // dropped at end of stream
		String expected = """
				a|x|1
				b|y|2
				message|line1
				line2|2
				message||2
				message|cleared|
				""";
		for (int chunkBytes : new int[] { 1, 2, 5, 1000 }) {
			assertThat(events(readEvents(input, chunkBytes))).as("in chunks of %d bytes", chunkBytes)
				.isEqualTo(expected);
		}
	}

	/**
	 * A fake server behind window.fetch: the run stream names the run, the first events
	 * connection breaks after event 3, and the second (which must ask for what follows 3)
	 * replays event 3 once more, as a careless server might, before finishing.
	 */
	private static final String RESUME = """
			const done = arguments[0];
			(async () => {
			  const { RunStream } = await import('./js/run-stream.js');
			  const { Api } = await import('./js/api.js');
			  const sse = (frames) => frames.map(([event, data, id]) =>
			      (id ? `id: ${id}\\n` : '') + `event: ${event}\\ndata: ${JSON.stringify(data)}\\n\\n`).join('');
			  const delta = (value) => ({ id: 'msg_1', delta: { content: [{ index: 0, type: 'text', text: { value } }] } });
			  const requests = [];
			  window.fetch = async (url, init) => {
			    const headers = init.headers || {};
			    requests.push({ method: init.method, url: String(url), lastEventId: headers['Last-Event-ID'] ?? null,
			      auth: headers.Authorization });
			    const encoder = new TextEncoder();
			    let body;
			    if (init.method === 'POST') {
			      body = new ReadableStream({ start(c) {
			        c.enqueue(encoder.encode(sse([['thread.run.created', { id: 'run_1', status: 'queued' }]])));
			        init.signal.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
			      } });
			    }
			    else if (headers['Last-Event-ID'] === undefined) {
			      body = new ReadableStream({ start(c) {
			        c.enqueue(encoder.encode(sse([['thread.run.created', { id: 'run_1', status: 'queued' }, 1],
			          ['thread.message.created', { id: 'msg_1', role: 'assistant', status: 'in_progress', content: [] }, 2],
			          ['thread.message.delta', delta('Hel'), 3]])));
			        setTimeout(() => c.error(new TypeError('network error')), 50);
			      } });
			    }
			    else {
			      body = new ReadableStream({ start(c) {
			        c.enqueue(encoder.encode(sse([['thread.message.delta', delta('Hel'), 3],
			          ['thread.message.delta', delta('lo, 世界'), 4],
			          ['thread.run.completed', { id: 'run_1', status: 'completed' }, 5]]) + 'event: done\\ndata: [DONE]\\n\\n'));
			        c.close();
			      } });
			    }
			    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
			  };
			  const applied = [], states = [], errors = [];
			  const stream = new RunStream(new Api('tok_1'), 'thread_1', {
			    onEvent: (name, data) => applied.push(name === 'thread.message.delta'
			        ? 'delta:' + data.delta.content[0].text.value : name),
			    onState: (state) => states.push(state),
			    onError: (error, kind) => errors.push(kind + ': ' + error.message),
			  });
			  await stream.start('asst_1');
			  return JSON.stringify({ requests, applied, states, errors });
			})().then(done, (e) => done('failed: ' + e));
			""";

	@Test
	void runStreamSwitchesToTheEventsEndpointAndResumesAfterTheLastEventItApplied() {
		JsonNode result = Api.json((String) this.browser.asyncScript(RESUME));

		assertThat(result.get("errors").toString()).isEqualTo("[]");
		assertThat(result.get("requests")
			.valueStream()
			.map(r -> r.get("method").asString() + " " + r.get("url").asString().replaceFirst("^http://[^/]+", "") + " "
					+ r.get("lastEventId").asString("-")))
			.containsExactly("POST /v1/threads/thread_1/runs -", "GET /v1/threads/thread_1/runs/run_1/events -",
					"GET /v1/threads/thread_1/runs/run_1/events 3");
		assertThat(result.get("requests").valueStream().map(r -> r.get("auth").asString()))
			.containsOnly("Bearer tok_1");
		assertThat(result.get("applied").valueStream().map(JsonNode::asString)).containsExactly("thread.run.created",
				"thread.run.created", "thread.message.created", "delta:Hel", "delta:lo, 世界", "thread.run.completed");
		assertThat(result.get("states").valueStream().map(JsonNode::asString)).containsExactly("connecting",
				"streaming", "reconnecting", "resumed", "ended");
	}

	/**
	 * The POST's connection breaks before it names the run; the thread says which run
	 * holds it, and the page follows that one.
	 */
	private static final String POST_LOST = """
			const done = arguments[0];
			(async () => {
			  const { RunStream } = await import('./js/run-stream.js');
			  const { Api } = await import('./js/api.js');
			  const requests = [];
			  window.fetch = async (url, init) => {
			    const path = String(url).replace(/^http:\\/\\/[^/]+/, '');
			    requests.push(`${init.method} ${path}`);
			    if (init.method === 'POST') throw new TypeError('Failed to fetch');
			    if (path.endsWith('/events')) {
			      const body = 'id: 1\\nevent: thread.run.created\\ndata: {"id":"run_9","status":"queued"}\\n\\n'
			          + 'id: 2\\nevent: thread.run.completed\\ndata: {"id":"run_9","status":"completed"}\\n\\n'
			          + 'event: done\\ndata: [DONE]\\n\\n';
			      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
			    }
			    return new Response(JSON.stringify({ id: 'thread_1', active_run_id: 'run_9' }),
			        { status: 200, headers: { 'Content-Type': 'application/json' } });
			  };
			  const applied = [], errors = [];
			  const stream = new RunStream(new Api('tok_1'), 'thread_1', {
			    onEvent: (name) => applied.push(name), onState: () => {}, onError: (e) => errors.push(e.message) });
			  await stream.start('asst_1');
			  return JSON.stringify({ requests, applied, errors });
			})().then(done, (e) => done('failed: ' + e));
			""";

	@Test
	void aRunWhosePostBrokeOffIsFollowedThroughTheThreadsActiveRun() {
		JsonNode result = Api.json((String) this.browser.asyncScript(POST_LOST));

		assertThat(result.get("errors").toString()).isEqualTo("[]");
		assertThat(result.get("requests").valueStream().map(JsonNode::asString)).containsExactly(
				"POST /v1/threads/thread_1/runs", "GET /v1/threads/thread_1",
				"GET /v1/threads/thread_1/runs/run_9/events");
		assertThat(result.get("applied").valueStream().map(JsonNode::asString)).containsExactly("thread.run.created",
				"thread.run.completed");
	}

	/**
	 * Feeds run events to a ReplyView as a run would emit them, including in-progress
	 * snapshots that lag behind the deltas already streamed.
	 */
	private static final String REPLY = """
			const done = arguments[0];
			import('./js/messages.js').then(({ ReplyView }) => {
			  const container = document.createElement('div');
			  container.id = 'reply';
			  document.body.appendChild(container);
			  const reply = new ReplyView(container);
			  const step = (status, calls) => ({ id: 'step_1', type: 'tool_calls', status,
			      step_details: { type: 'tool_calls', tool_calls: calls } });
			  const stepDelta = (piece) => ({ id: 'step_1', delta: { step_details: { type: 'tool_calls', tool_calls: [piece] } } });
			  const message = (status, text) => ({ id: 'msg_1', role: 'assistant', status,
			      content: text === null ? [] : [{ type: 'text', text: { value: text, annotations: [] } }] });
			  const delta = (value) => ({ id: 'msg_1', delta: { content: [{ index: 0, type: 'text', text: { value } }] } });
			  const events = [
			    ['thread.run.created', { id: 'run_1', status: 'queued' }],
			    ['thread.run.step.created', step('in_progress', [])],
			    ['thread.run.step.delta', stepDelta({ index: 0, id: 'call_1', type: 'function',
			        function: { name: 'ask_database', arguments: '' } })],
			    ['thread.run.step.delta', stepDelta({ index: 0, type: 'function', function: { arguments: '{"query":"SELECT ' } })],
			    ['thread.run.step.in_progress', step('in_progress', [])],
			    ['thread.run.step.delta', stepDelta({ index: 0, type: 'function', function: { arguments: '1 AS n"}' } })],
			    ['thread.run.step.completed', step('completed', [{ id: 'call_1', type: 'function',
			        function: { name: 'ask_database', arguments: '{"query":"SELECT 1 AS n"}', output: '[{"n":1}]' } }])],
			    ['thread.message.created', message('in_progress', null)],
			    ['thread.message.delta', delta('**一**')],
			    ['thread.message.in_progress', message('in_progress', null)],
			    ['thread.message.delta', delta(' and two')],
			  ];
			  const seen = [];
			  for (const [name, data] of events) {
			    reply.apply(name, data);
			    if (name === 'thread.run.step.in_progress') seen.push(container.querySelector('[data-testid=tool-input]').textContent);
			  }
			  requestAnimationFrame(() => {
			    seen.push(container.querySelector('[data-testid=message]').innerHTML);
			    reply.apply('thread.message.completed', message('completed', '**一** and two!'));
			    reply.apply('thread.run.completed', { id: 'run_1', status: 'completed' });
			    seen.push(container.querySelector('[data-testid=message]').textContent.trim());
			    done(JSON.stringify(seen));
			  });
			}, (e) => done('failed: ' + e));
			""";

	@Test
	void replyIsBuiltFromDeltasWhileInProgressSnapshotsNeverEraseStreamedText() {
		JsonNode seen = Api.json((String) this.browser.asyncScript(REPLY));

		assertThat(seen.get(0).asString()).isEqualTo("{\"query\":\"SELECT ");
		assertThat(seen.get(1).asString()).contains("<strong>一</strong> and two");
		assertThat(seen.get(2).asString()).isEqualTo("一 and two!");
		WebElement card = this.browser.find("tool-call");
		assertThat(card.findElement(Browser.testId("tool-input")).getText()).isEqualTo("SELECT 1 AS n");
		assertThat(card.findElements(By.cssSelector("tbody td"))).extracting(WebElement::getText).containsExactly("1");
		assertThat(this.browser.find("message").getDomAttribute("data-status")).isEqualTo("completed");
		assertThat(this.browser.findAll("run-status")).isEmpty();
	}

	/** Renders a tool call the way a run step carries it and returns the card. */
	private WebElement toolCall(Map<String, Object> call) {
		this.browser.asyncScript("""
				const [call, done] = arguments;
				import('./js/tool-calls.js').then(({ ToolCallView }) => {
				  const view = new ToolCallView();
				  view.update(call, 'completed');
				  document.body.appendChild(view.element);
				  done(null);
				}, (e) => done('failed: ' + e));
				""", call);
		List<WebElement> cards = this.browser.findAll("tool-call");
		return cards.get(cards.size() - 1);
	}

	private static Map<String, Object> askDatabase(String query, String output) {
		String arguments = JsonMapper.shared().writeValueAsString(Map.of("query", query));
		return Map.of("id", "call_1", "type", "function", "function",
				Map.of("name", "ask_database", "arguments", arguments, "output", output));
	}

	@Test
	void askDatabaseShowsItsSqlAndRowsAsATable() {
		WebElement card = toolCall(
				askDatabase("SELECT course_name, instructor FROM courses WHERE course_date >= '2026-11-23'",
						"[{\"course_name\":\"Prompt Engineering\",\"instructor\":\"孙志岗\"},"
								+ "{\"course_name\":\"Function Calling\",\"instructor\":\"王卓然\"}]"));

		assertThat(card.findElement(By.tagName("summary")).getText()).startsWith("ask_database");
		assertThat(card.findElement(Browser.testId("tool-input")).getText())
			.isEqualTo("SELECT course_name, instructor FROM courses WHERE course_date >= '2026-11-23'");
		assertThat(card.findElements(By.cssSelector("thead th"))).extracting(WebElement::getText)
			.containsExactly("course_name", "instructor");
		assertThat(card.findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
			.containsExactly("Prompt Engineering 孙志岗", "Function Calling 王卓然");
	}

	@Test
	void toolResultsInColumnsAndRowsFormAreTablesAndAnythingElseIsText() {
		WebElement columns = toolCall(askDatabase("SELECT 1 AS one",
				"{\"columns\":[\"one\",\"two\"],\"rows\":[[1,null],[2,\"b\"]],\"row_count\":2,\"truncated\":true}"));
		assertThat(columns.findElements(By.cssSelector("thead th"))).extracting(WebElement::getText)
			.containsExactly("one", "two");
		assertThat(columns.findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
			.containsExactly("1", "2 b");
		assertThat(columns.getText()).contains("Only the first rows came back");

		WebElement empty = toolCall(askDatabase("SELECT * FROM courses WHERE false", "[]"));
		assertThat(empty.getText()).contains("No rows.");

		WebElement error = toolCall(askDatabase("DROP TABLE courses", "{\"error\":\"Only one SELECT is allowed.\"}"));
		assertThat(error.findElements(By.tagName("table"))).isEmpty();
		assertThat(error.findElement(Browser.testId("tool-output")).getText()).contains("Only one SELECT is allowed.");

		WebElement plain = toolCall(Map.of("id", "call_2", "type", "function", "function",
				Map.of("name", "get_weather", "arguments", "{\"city\":\"北京\"}", "output", "sunny <b>hot</b>")));
		assertThat(plain.findElement(Browser.testId("tool-input")).getText()).contains("\"city\": \"北京\"");
		assertThat(plain.findElement(Browser.testId("tool-output")).getText()).isEqualTo("sunny <b>hot</b>");
		assertThat(plain.findElements(By.tagName("b"))).isEmpty();
	}

	@Test
	void codeInterpreterShowsItsCodeAndOutputInEitherShape() {
		WebElement function = toolCall(Map.of("id", "call_3", "type", "function", "function",
				Map.of("name", "code_interpreter", "arguments", "{\"code\":\"print(6 * 7)\"}", "output", "42\n")));
		assertThat(function.findElement(Browser.testId("tool-input")).getText()).isEqualTo("print(6 * 7)");
		assertThat(function.findElement(Browser.testId("tool-output")).getText()).isEqualTo("42");

		WebElement openAi = toolCall(Map.of("id", "call_4", "type", "code_interpreter", "code_interpreter",
				Map.of("input", "import math\nprint(math.pi)", "outputs",
						List.of(Map.of("type", "logs", "logs", "3.141592653589793")))));
		assertThat(openAi.findElement(By.tagName("summary")).getText()).startsWith("code_interpreter");
		assertThat(openAi.findElement(Browser.testId("tool-input")).getText()).isEqualTo("import math\nprint(math.pi)");
		assertThat(openAi.findElement(Browser.testId("tool-output")).getText()).isEqualTo("3.141592653589793");
	}

	/**
	 * A code_interpreter step streamed in OpenAI's delta shapes, code fragment by
	 * fragment.
	 */
	private static final String CODE_STEP = """
			const done = arguments[0];
			import('./js/messages.js').then(({ ReplyView }) => {
			  const container = document.createElement('div');
			  document.body.appendChild(container);
			  const reply = new ReplyView(container);
			  const stepDelta = (piece) => ({ id: 'step_1', delta: { step_details: { type: 'tool_calls', tool_calls: [piece] } } });
			  const code = () => container.querySelector('[data-testid=tool-input]').textContent;
			  const seen = [];
			  reply.apply('thread.run.step.created', { id: 'step_1', type: 'tool_calls', status: 'in_progress',
			      step_details: { type: 'tool_calls', tool_calls: [] } });
			  reply.apply('thread.run.step.delta', stepDelta({ index: 0, id: 'call_1', type: 'code_interpreter',
			      code_interpreter: { input: '', outputs: [] } }));
			  for (const fragment of ['import math\\n', 'print(math.', 'factorial(5))']) {
			    reply.apply('thread.run.step.delta', stepDelta({ index: 0, type: 'code_interpreter',
			        code_interpreter: { input: fragment } }));
			    seen.push(code());
			  }
			  seen.push(container.querySelector('[data-testid=tool-output]')?.textContent ?? null);
			  reply.apply('thread.run.step.delta', stepDelta({ index: 0, type: 'code_interpreter',
			      code_interpreter: { outputs: [{ index: 0, type: 'logs', logs: '120\\n' }] } }));
			  seen.push(container.querySelector('[data-testid=tool-output]').textContent);
			  done(JSON.stringify(seen));
			}, (e) => done('failed: ' + e));
			""";

	@Test
	void codeInterpreterCodeFillsInAsItsFragmentsStreamThenItsLogs() {
		JsonNode seen = Api.json((String) this.browser.asyncScript(CODE_STEP));

		assertThat(seen.valueStream().map(n -> n.isNull() ? null : n.asString())).containsExactly("import math\n",
				"import math\nprint(math.", "import math\nprint(math.factorial(5))", null, "120\n");
		assertThat(this.browser.find("tool-call").getDomAttribute("data-status")).isEqualTo("completed");
	}

}

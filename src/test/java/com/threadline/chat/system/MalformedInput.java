package com.threadline.chat.system;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The malformed requests a new user sends, each with the parameter a 400 must name. In
 * paths, {@code {asst}}, {@code {thread}} (a thread without a run), {@code {msg}},
 * {@code {busy}} (a thread whose run {@code {run}} waits for the output of call
 * {@code {call}}), {@code {step}} and {@code {tenant}} stand for the fixtures' ids. In
 * bodies, {@code '} is {@code "}, {@code <NUL>} is the JSON escape of U+0000 and
 * {@code <LONE>} that of an unpaired surrogate.
 */
record MalformedInput(String method, String path, @Nullable String body, String param, boolean admin) {

	static final String COURSE = "'course_date':'2026-12-01','start_time':'19:00','end_time':'20:00'";

	@Override
	public String toString() {
		return this.method + " " + this.path + (this.body != null ? " " + this.body : "") + " -> " + this.param;
	}

	static List<MalformedInput> all() {
		List<MalformedInput> all = new ArrayList<>();
		all.addAll(assistants());
		all.addAll(threads());
		all.addAll(messages());
		all.addAll(runs());
		all.addAll(others());
		all.addAll(files());
		return all;
	}

	private static List<MalformedInput> assistants() {
		return List.of(post("/v1/assistants", "{'model':'gpt<NUL>'}", "model"),
				post("/v1/assistants", "{'model':'gpt','name':'a<NUL>b'}", "name"),
				post("/v1/assistants", "{'model':'gpt','name':'a<LONE>'}", "name"),
				post("/v1/assistants", "{'model':'gpt','instructions':'<NUL>'}", "instructions"),
				post("/v1/assistants", "{'model':'gpt','description':'d<NUL>'}", "description"),
				post("/v1/assistants", "{'model':'gpt','metadata':{'k':'v<NUL>'}}", "metadata.k"),
				post("/v1/assistants", "{'model':'gpt','metadata':{'k<NUL>':'v'}}", "metadata"),
				post("/v1/assistants", "{'model':'gpt','metadata':{'k':'<LONE>'}}", "metadata.k"),
				post("/v1/assistants",
						"{'model':'gpt','tools':[{'type':'function','function':{'name':'f','description':'<NUL>'}}]}",
						"tools[0].function.description"),
				post("/v1/assistants",
						"{'model':'gpt','tools':[{'type':'function','function':{'name':'f','parameters':{'<LONE>':{}}}}]}",
						"tools[0].function.parameters"),
				post("/v1/assistants", "{'model':5}", "model"), post("/v1/assistants", "{'model':true}", "model"),
				post("/v1/assistants", "{'model':'gpt','name':5}", "name"),
				post("/v1/assistants", "{'model':'gpt','instructions':true}", "instructions"),
				post("/v1/assistants", "{'model':'gpt','description':{}}", "description"),
				post("/v1/assistants", "{'model':'gpt','metadata':{'k':5}}", "metadata.k"),
				post("/v1/assistants", "{'model':'gpt','metadata':{'k':[]}}", "metadata.k"),
				post("/v1/assistants", "{'model':'gpt','temperature':'0.5'}", "temperature"),
				post("/v1/assistants", "{'model':'gpt','response_format':{'type':'json_schema'}}",
						"response_format.json_schema"),
				post("/v1/assistants",
						"{'model':'gpt','response_format':{'type':'json_schema','json_schema':{'name':'x'}}}",
						"response_format.json_schema.schema"),
				post("/v1/assistants/{asst}", "{'name':'<NUL>'}", "name"),
				post("/v1/assistants/{asst}", "{'metadata':{'k':'<NUL>'}}", "metadata.k"),
				post("/v1/assistants/{asst}", "{'model':5}", "model"),
				post("/v1/assistants/{asst}", "{'response_format':{'type':'json_schema','json_schema':{}}}",
						"response_format.json_schema.schema"),
				get("/v1/assistants/%00", "assistant_id"), post("/v1/assistants/%00", "{}", "assistant_id"),
				delete("/v1/assistants/%00", "assistant_id"), get("/v1/assistants?after=%00", "after"),
				get("/v1/assistants?before=%00", "before"));
	}

	private static List<MalformedInput> threads() {
		return List.of(post("/v1/threads", "{'user':'u<NUL>'}", "user"), post("/v1/threads", "{'user':5}", "user"),
				post("/v1/threads", "{'metadata':{'k':'<NUL>'}}", "metadata.k"),
				post("/v1/threads", "{'metadata':{'<LONE>':'v'}}", "metadata"),
				post("/v1/threads", "{'metadata':{'k':1}}", "metadata.k"),
				post("/v1/threads", "{'messages':[{'role':'user','content':'a<NUL>'}]}", "messages[0].content"),
				post("/v1/threads", "{'messages':[{'role':'user','content':[{'type':'text','text':'<LONE>'}]}]}",
						"messages[0].content[0].text"),
				post("/v1/threads", "{'messages':[{'role':'user','content':5}]}", "messages[0].content"),
				post("/v1/threads", "{'messages':[{'role':'user<NUL>','content':'hi'}]}", "messages[0].role"),
				post("/v1/threads", "{'messages':[{'role':'user','content':'hi','metadata':{'k':'<NUL>'}}]}",
						"messages[0].metadata.k"),
				post("/v1/threads", "{'messages':[{'role':'user','content':'hi','attachments':['x']}]}",
						"messages[0].attachments[0]"),
				post("/v1/threads",
						"{'messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'http://x.test/a.png'}}]}]}",
						"messages[0].content[0].image_url.url"),
				post("/v1/threads", "{'tool_resources':{'code_interpreter':{'file_ids':['<NUL>']}}}",
						"tool_resources.code_interpreter.file_ids[0]"),
				post("/v1/threads/{thread}", "{'metadata':{'k':'<NUL>'}}", "metadata.k"),
				post("/v1/threads/{thread}", "{'metadata':{'k':true}}", "metadata.k"),
				get("/v1/threads/%00", "thread_id"), post("/v1/threads/%00", "{}", "thread_id"),
				delete("/v1/threads/%00", "thread_id"), get("/v1/threads?user=%00", "user"),
				get("/v1/threads?after=%00", "after"));
	}

	private static List<MalformedInput> messages() {
		String path = "/v1/threads/{thread}/messages";
		return List.of(post(path, "{'role':'user','content':'<NUL>'}", "content"),
				post(path, "{'role':'user','content':'x<LONE>y'}", "content"),
				post(path, "{'role':'user','content':[{'type':'text','text':'<NUL>'}]}", "content[0].text"),
				post(path, "{'role':'user','content':5}", "content"),
				post(path, "{'role':'user','content':{}}", "content"), post(path, "{'role':5,'content':'hi'}", "role"),
				post(path, "{'role':'user','content':'hi','metadata':{'k':'<NUL>'}}", "metadata.k"),
				post(path, "{'role':'user','content':'hi','metadata':{'k':5}}", "metadata.k"),
				post(path, "{'role':'user','content':'hi','attachments':[5]}", "attachments[0]"),
				post(path, "{'role':'user','content':'hi','attachments':['file-1']}", "attachments[0]"),
				post(path, "{'role':'user','content':'hi','attachments':[{'file_id':'<NUL>'}]}",
						"attachments[0].file_id"),
				image(path, "http://example.com/a.png"), image(path, "javascript:alert(1)"),
				image(path, "file:///etc/passwd"), image(path, "ftp://example.com/a.png"), image(path, "https://"),
				post(path, "{'role':'user','content':[{'type':'image_url','image_url':{'url':5}}]}",
						"content[0].image_url.url"),
				post(path + "/{msg}", "{'metadata':{'k':'<NUL>'}}", "metadata.k"),
				post(path + "/{msg}", "{'metadata':{'k':5}}", "metadata.k"), get(path + "/%00", "message_id"),
				post(path + "/%00", "{}", "message_id"), delete(path + "/%00", "message_id"),
				get("/v1/threads/%00/messages", "thread_id"), get(path + "?run_id=%00", "run_id"),
				get(path + "?after=%00", "after"), get(path + "?before=%00", "before"));
	}

	private static List<MalformedInput> runs() {
		String runs = "/v1/threads/{thread}/runs";
		String run = "/v1/threads/{busy}/runs/{run}";
		String outputs = run + "/submit_tool_outputs";
		return List.of(post(runs, "{'assistant_id':'{asst}','instructions':'<NUL>'}", "instructions"),
				post(runs, "{'assistant_id':'{asst}','additional_instructions':'<NUL>'}", "additional_instructions"),
				post(runs, "{'assistant_id':'{asst}','model':'m<NUL>'}", "model"),
				post(runs, "{'assistant_id':'{asst}','model':5}", "model"),
				post(runs, "{'assistant_id':'a<NUL>'}", "assistant_id"),
				post(runs, "{'assistant_id':'{asst}','metadata':{'k':'<NUL>'}}", "metadata.k"),
				post(runs, "{'assistant_id':'{asst}','metadata':{'k':5}}", "metadata.k"),
				post(runs, "{'assistant_id':'{asst}','additional_messages':[{'role':'user','content':'<NUL>'}]}",
						"additional_messages[0].content"),
				post(runs, "{'assistant_id':'{asst}','additional_messages':[{'role':'user','content':5}]}",
						"additional_messages[0].content"),
				post(runs, "{'assistant_id':'{asst}','response_format':{'type':'json_schema','json_schema':{}}}",
						"response_format.json_schema.schema"),
				post(runs, "{'assistant_id':'{asst}','max_prompt_tokens':1000.5}", "max_prompt_tokens"),
				post(runs, "{'assistant_id':'{asst}','stream':'true'}", "stream"),
				post(run, "{'metadata':{'k':'<NUL>'}}", "metadata.k"),
				post(outputs, "{'tool_outputs':[{'tool_call_id':'{call}','output':'x<NUL>'}]}",
						"tool_outputs[0].output"),
				post(outputs, "{'tool_outputs':[{'tool_call_id':'{call}','output':'<LONE>'}]}",
						"tool_outputs[0].output"),
				post(outputs, "{'tool_outputs':[{'tool_call_id':'{call}','output':5}]}", "tool_outputs[0].output"),
				post(outputs, "{'tool_outputs':[{'tool_call_id':'c<NUL>','output':'x'}]}",
						"tool_outputs[0].tool_call_id"),
				get("/v1/threads/{busy}/runs/%00", "run_id"),
				post("/v1/threads/{busy}/runs/%00/cancel", null, "run_id"),
				get("/v1/threads/{busy}/runs?after=%00", "after"), get(run + "/steps/%00", "step_id"),
				get(run + "/steps?before=%00", "before"), get("/v1/threads/{busy}/runs/%00/steps", "run_id"),
				get(run + "/events?starting_after=%00", "starting_after"), threadAndRun());
	}

	private static MalformedInput threadAndRun() {
		return post("/v1/threads/runs",
				"{'assistant_id':'{asst}','thread':{'messages':[{'role':'user','content':'<NUL>'}]}}",
				"thread.messages[0].content");
	}

	private static List<MalformedInput> others() {
		String both = "/v1/threads/runs";
		return List.of(post(both, "{'assistant_id':'{asst}','thread':{'user':'<NUL>'}}", "thread.user"),
				post(both, "{'assistant_id':'{asst}','thread':{'user':5}}", "thread.user"),
				post(both, "{'assistant_id':'{asst}','thread':{'metadata':{'k':'<NUL>'}}}", "thread.metadata.k"),
				post(both, "{'assistant_id':'{asst}','metadata':{'k':'<NUL>'}}", "metadata.k"),
				post(both, "{'assistant_id':'{asst}','instructions':'<LONE>'}", "instructions"),
				post(both, "{'assistant_id':'{asst}','model':5}", "model"),
				post(both, "{'assistant_id':'{asst}','response_format':{'type':'json_schema'}}",
						"response_format.json_schema"),
				post(both,
						"{'assistant_id':'{asst}','thread':{'messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'javascript:x'}}]}]}}",
						"thread.messages[0].content[0].image_url.url"),
				post("/v1/courses", "{" + COURSE + ",'course_name':'SQL<NUL>','instructor':'Ada'}", "course_name"),
				post("/v1/courses", "{" + COURSE + ",'course_name':'SQL','instructor':'<LONE>'}", "instructor"),
				post("/v1/courses", "{" + COURSE + ",'course_name':5,'instructor':'Ada'}", "course_name"),
				post("/v1/courses", "{'course_date':'2026-12-01<NUL>','start_time':'19:00','end_time':'20:00'}",
						"course_date"),
				post("/v1/courses", "{'data':[{" + COURSE + ",'course_name':'<NUL>','instructor':'Ada'}]}",
						"data[0].course_name"),
				post("/v1/user_tokens", "{'user':'u<NUL>'}", "user"), post("/v1/user_tokens", "{'user':5}", "user"),
				post("/v1/user_tokens", "{'user':'u','ttl_seconds':1.5}", "ttl_seconds"),
				post("/v1/user_tokens", "{'user':'u','ttl_seconds':'60'}", "ttl_seconds"),
				post("/v1/user_tokens", "{'user':'u','ttl_seconds':true}", "ttl_seconds"),
				admin("/admin/tenants", "{'name':'<NUL>'}", "name"), admin("/admin/tenants", "{'name':5}", "name"),
				admin("/admin/tenants/%00/disable", null, "tenant_id"),
				admin("/admin/tenants/%00/enable", null, "tenant_id"),
				admin("/admin/tenants/%00/api_keys", null, "tenant_id"),
				post("/v1/user_tokens/revoke", "{'user':'u<NUL>'}", "user"),
				post("/v1/user_tokens/revoke", "{'user':5}", "user"),
				post("/v1/stream_tickets", "{'thread_id':'t<NUL>','run_id':'r'}", "thread_id"),
				post("/v1/stream_tickets", "{'thread_id':'{busy}','run_id':5}", "run_id"),
				admin("/admin/tenants/%00/signing_keys", null, "tenant_id"),
				admin("/admin/tenants/{tenant}/limits", "{'streams_per_user':'x'}", "streams_per_user"),
				admin("/admin/tenants/{tenant}/limits", "{'storage_bytes':'10GB'}", "storage_bytes"),
				admin("/admin/tenants/{tenant}/models", "{'models':['m<NUL>']}", "models[0]"),
				admin("/admin/tenants/{tenant}/assistants/{asst}/server_tools", "{'server_tools':[5]}",
						"server_tools[0]"));
	}

	private static List<MalformedInput> files() {
		String messages = "/v1/threads/{thread}/messages";
		String ci = "tool_resources.code_interpreter.file_ids";
		return List.of(get("/v1/files/%00", "file_id"), delete("/v1/files/%00", "file_id"),
				get("/v1/files/%00/content", "file_id"),
				// With a bearer, a signed URL's parameters are ignored: the bad id is
				// still a 400.
				get("/v1/files/%00/content?tenant=t&expires=1&signature=s", "file_id"),
				get("/v1/files?after=%00", "after"), get("/v1/files?limit=x", "limit"),
				get("/v1/files?limit=10001", "limit"), get("/v1/files?order=up", "order"),
				get("/v1/files?purpose=batch", "purpose"),
				post(messages, "{'role':'user','content':'x','attachments':[{'file_id':5}]}", "attachments[0].file_id"),
				post(messages, "{'role':'user','content':'x','attachments':[{'tools':[]}]}", "attachments[0].file_id"),
				post(messages, "{'role':'user','content':'x','attachments':[{'file_id':'f','tools':[{'type':'x'}]}]}",
						"attachments[0].tools[0].type"),
				post(messages, "{'role':'user','content':'x','attachments':[{'file_id':'f','tools':5}]}",
						"attachments[0].tools"),
				post(messages, "{'role':'user','content':[{'type':'image_file','image_file':{}}]}",
						"content[0].image_file.file_id"),
				post(messages,
						"{'role':'user','content':[{'type':'image_file','image_file':{'file_id':'f','detail':'x'}}]}",
						"content[0].image_file.detail"),
				post("/v1/threads", "{'tool_resources':{'code_interpreter':{'file_ids':[5]}}}", ci + "[0]"),
				post("/v1/threads", "{'tool_resources':{'code_interpreter':{'file_ids':'f'}}}", ci),
				post("/v1/threads", "{'tool_resources':{'code_interpreter':5}}", "tool_resources.code_interpreter"),
				post("/v1/assistants", "{'model':'gpt','tool_resources':{'code_interpreter':{'file_ids':[5]}}}",
						ci + "[0]"),
				post("/v1/assistants/{asst}", "{'tool_resources':5}", "tool_resources"));
	}

	private static MalformedInput image(String path, String url) {
		return post(path, "{'role':'user','content':[{'type':'image_url','image_url':{'url':'" + url + "'}}]}",
				"content[0].image_url.url");
	}

	private static MalformedInput post(String path, @Nullable String body, String param) {
		return new MalformedInput("POST", path, body, param, false);
	}

	private static MalformedInput admin(String path, @Nullable String body, String param) {
		return new MalformedInput("POST", path, body, param, true);
	}

	private static MalformedInput get(String path, String param) {
		return new MalformedInput("GET", path, null, param, false);
	}

	private static MalformedInput delete(String path, String param) {
		return new MalformedInput("DELETE", path, null, param, false);
	}

}

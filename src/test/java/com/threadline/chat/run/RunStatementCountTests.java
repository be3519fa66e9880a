package com.threadline.chat.run;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token deltas live in memory: the SQL statements of a run grow with the length of its
 * reply only by the reply's text being written down every 2,048 characters
 * ({@code chat.run.reply-flush-chars}), one short transaction each.
 */
@Timeout(120)
class RunStatementCountTests extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(RunStatementCountTests.class);

	@Autowired
	private StatementCounter counter;

	@Test
	void statementsPerRunDoNotGrowWithTheNumberOfTokens() {
		List<StatementCounter.Statement> shortReply = countRun(10);
		List<StatementCounter.Statement> longReply = countRun(500);
		log.info("SQL statements per streamed run: {} with 10 deltas, {} with 500 deltas:\n{}", shortReply.size(),
				longReply.size(),
				longReply.stream().map(s -> s.thread() + " | " + s.sql()).collect(Collectors.joining("\n")));
		// "t0 " … "t499 ": 2,390 characters, written down once on the way.
		List<StatementCounter.Statement> flushes = longReply.stream()
			.filter(s -> s.sql().startsWith("update messages m1_0 set content=?"))
			.toList();
		assertThat(flushes).hasSize(1);
		assertThat(shortReply).noneMatch(s -> s.sql().startsWith("update messages m1_0 set content=?"));
		assertThat(longReply).hasSize(shortReply.size() + 2 * flushes.size());
		assertThat(shortReply.size()).isBetween(5, 40);
	}

	@Test
	void statementsOfACodeInterpreterRunDoNotGrowWithTheFragmentsOfTheCode() {
		List<StatementCounter.Statement> few = countCodeRun(3);
		List<StatementCounter.Statement> many = countCodeRun(120);
		log.info("SQL statements per streamed code_interpreter run: {} with 3 fragments, {} with 120:\n{}", few.size(),
				many.size(), many.stream().map(s -> s.thread() + " | " + s.sql()).collect(Collectors.joining("\n")));
		assertThat(many).hasSameSizeAs(few);
		assertThat(few.size()).isBetween(5, 50);
	}

	private List<StatementCounter.Statement> countCodeRun(int fragments) {
		RunFixtures fixtures = new RunFixtures(this.api, "CountCode" + fragments);
		String assistant = fixtures.assistant(Map.of("tools", List.of(CodeInterpreterRunTests.CODE_INTERPRETER)));
		String thread = fixtures.thread("Compute");
		String arguments = CodeInterpreterRunTests
			.arguments("total = 0\nfor i in range(100):\n    total += i\nprint(total)\n");
		int size = Math.ceilDiv(arguments.length(), fragments);
		String[] pieces = IntStream.range(0, fragments)
			.mapToObj(i -> arguments.substring(Math.min(arguments.length(), i * size),
					Math.min(arguments.length(), (i + 1) * size)))
			.toArray(String[]::new);
		this.model.enqueue(Script.toolCalls(Script.callInFragments("call_count", "code_interpreter", pieces)),
				Script.text("4950"));
		this.counter.start(fixtures.tenant.id());
		List<EventStream.Event> events;
		try (EventStream stream = fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			events = stream.rest();
		}
		List<StatementCounter.Statement> statements = this.counter.stop();
		assertThat(EventStream.names(events)).endsWith("thread.run.completed", "done");
		assertThat(events.stream().filter(e -> e.event().equals("thread.run.step.delta")).count())
			.isGreaterThan(fragments / 4);
		return statements;
	}

	private List<StatementCounter.Statement> countRun(int deltas) {
		RunFixtures fixtures = new RunFixtures(this.api, "Count" + deltas);
		String assistant = fixtures.assistant();
		String thread = fixtures.thread("Talk");
		this.model.enqueue(Script.text(IntStream.range(0, deltas).mapToObj(i -> "t" + i + " ").toArray(String[]::new)));
		this.counter.start(fixtures.tenant.id());
		List<EventStream.Event> events;
		try (EventStream stream = fixtures.stream("/v1/threads/" + thread + "/runs",
				Map.of("assistant_id", assistant, "stream", true))) {
			events = stream.rest();
		}
		List<StatementCounter.Statement> statements = this.counter.stop();
		assertThat(events.stream().filter(e -> e.event().equals("thread.message.delta"))).hasSize(deltas);
		assertThat(EventStream.names(events)).endsWith("thread.run.completed", "done");
		return statements;
	}

}

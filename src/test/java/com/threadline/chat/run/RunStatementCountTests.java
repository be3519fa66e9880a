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
 * Token deltas live in memory: the SQL statements of a run do not grow with the length of
 * its reply.
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
		assertThat(longReply).hasSameSizeAs(shortReply);
		assertThat(shortReply.size()).isBetween(5, 40);
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

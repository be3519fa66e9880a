package com.threadline.chat.llm;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's gateway bean, configured like production, against the shared fake.
 */
class ModelGatewayIntegrationTests extends IntegrationTest {

	@Autowired
	ModelGateway gateway;

	@Test
	void streamsFromTheConfiguredDefaultProvider() {
		this.model.when(RecordedRequest.lastUserMessageContains("[gateway]"), Script.text("Hi", " there"));
		List<ModelEvent> events = this.gateway
			.stream(new ModelRequest("gpt-4o-mini", List.of(ChatMessage.user("Hello [gateway]")), null, null, null,
					null, null, null, null))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).startsWith(new ModelEvent.TextDelta("Hi"), new ModelEvent.TextDelta(" there"),
				new ModelEvent.Finished("stop"));
		assertThat(this.model.lastRequest().authorization()).isEqualTo("Bearer " + MODEL_API_KEY);
		assertThat(this.model.lastRequest().model()).isEqualTo("gpt-4o-mini");
	}

}

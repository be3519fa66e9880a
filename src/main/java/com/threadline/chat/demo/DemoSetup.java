package com.threadline.chat.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.threadline.chat.assistant.AssistantId;
import com.threadline.chat.assistant.AssistantService;
import com.threadline.chat.assistant.AssistantView;
import com.threadline.chat.course.CourseService;
import com.threadline.chat.course.CourseView;
import com.threadline.chat.system.PrivateFiles;
import com.threadline.chat.tenant.context.TenantScope;
import com.threadline.chat.tenant.TenantId;
import com.threadline.chat.tenant.TenantService;

/**
 * On a zero-setup start, makes sure the demo tenant exists with the seed's assistant 瓜瓜
 * and a course schedule around today, and prints its API key. The key is kept (with the
 * assistant id) in a small file beside the embedded database, because the database holds
 * only its hash.
 */
@Component
class DemoSetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

	static final String INSTRUCTIONS = "你叫瓜瓜。你是AGI课堂的助手。你只回答跟AI大模型有关的问题。不要跟学生闲聊。每次回答问题前，你要拆解问题并输出一步一步的思考过程。";

	private final DemoProperties properties;

	private final String datasourceUrl;

	private final TenantService tenants;

	private final AssistantService assistants;

	private final CourseService courses;

	private final JsonMapper json;

	private final Environment environment;

	private volatile Demo demo;

	DemoSetup(DemoProperties properties, @Value("${spring.datasource.url:}") String datasourceUrl,
			TenantService tenants, AssistantService assistants, CourseService courses, JsonMapper json,
			Environment environment) {
		this.properties = properties;
		this.datasourceUrl = datasourceUrl;
		this.tenants = tenants;
		this.assistants = assistants;
		this.courses = courses;
		this.json = json;
		this.environment = environment;
	}

	/** The demo tenant's credentials and assistant. */
	record Demo(String tenantId, String apiKey, String assistantId) {
	}

	boolean enabled() {
		return this.properties.enabledFor(this.datasourceUrl);
	}

	Optional<Demo> demo() {
		return Optional.ofNullable(this.demo);
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!enabled()) {
			return;
		}
		Demo demo = load().filter(this::stillValid).orElseGet(this::create);
		// Server-side tools are opt-in; the demo assistant starts with ask_database
		// enabled
		// (also for a demo tenant created before that was a setting).
		TenantScope.callUnchecked(demo.tenantId(), () -> this.assistants.setServerTools(TenantId.of(demo.tenantId()),
				AssistantId.of(demo.assistantId()), List.of(DemoTools.ASK_DATABASE_NAME)));
		this.demo = demo;
		log.info("""

				  Demo tenant {} is ready (kept in {}):
				    API key:    {}
				    assistant:  {} (瓜瓜, model {})
				  Chat page:    http://localhost:{{port}}/  (one-click demo user)
				""".replace("{{port}}", this.environment.getProperty("local.server.port", "8080")), demo.tenantId(),
				this.properties.file(), demo.apiKey(), demo.assistantId(), this.properties.model());
	}

	private Optional<Demo> load() {
		if (!Files.isRegularFile(this.properties.file())) {
			return Optional.empty();
		}
		try {
			PrivateFiles.tighten(this.properties.file());
			return Optional.of(this.json.readValue(this.properties.file().toFile(), Demo.class));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Ignoring unreadable demo file {}: {}", this.properties.file(), ex.getMessage());
			return Optional.empty();
		}
	}

	private boolean stillValid(Demo demo) {
		return this.tenants.authenticate(demo.apiKey()).isPresent() && TenantScope.callUnchecked(demo.tenantId(),
				() -> this.assistants.findIfPresent(TenantId.of(demo.tenantId()), AssistantId.of(demo.assistantId()))
					.isPresent());
	}

	private Demo create() {
		TenantService.NewTenant tenant = this.tenants.create("Demo");
		AssistantView assistant = TenantScope.callUnchecked(tenant.id(), () -> {
			this.courses.add(tenant.id(), schedule(LocalDate.now()));
			return this.assistants.create(TenantId.of(tenant.id()),
					new AssistantService.Changes(this.properties.model(), "瓜瓜", "AGI 课堂的助手", INSTRUCTIONS,
							this.json.readTree(DemoTools.ASK_DATABASE), null, Map.of("demo", "true"), null, null, null,
							null, null, null));
		});
		Demo demo = new Demo(tenant.id(), tenant.apiKey(), assistant.id());
		try {
			PrivateFiles.write(this.properties.file(), this.json.writeValueAsBytes(demo));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not save the demo tenant to {}: {}", this.properties.file(), ex.getMessage());
		}
		return demo;
	}

	/**
	 * Two evening sessions a week (Tuesday and Thursday) from four weeks ago to eight
	 * weeks ahead.
	 */
	static List<CourseView> schedule(LocalDate today) {
		String[][] topics = { { "大模型应用开发基础", "王卓然" }, { "Prompt Engineering", "孙志岗" }, { "Function Calling", "王卓然" },
				{ "RAG 与 Embeddings", "孙志岗" }, { "Assistants API", "王卓然" }, { "LangChain", "孙志岗" },
				{ "Fine-tuning", "王卓然" }, { "Agent 架构", "孙志岗" } };
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(4);
		List<CourseView> schedule = new ArrayList<>();
		for (int week = 0; week < 12; week++) {
			for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
				String[] topic = topics[schedule.size() % topics.length];
				schedule.add(new CourseView(monday.plusWeeks(week).with(TemporalAdjusters.nextOrSame(day)),
						LocalTime.of(20, 0), LocalTime.of(22, 0), topic[0], topic[1]));
			}
		}
		return schedule;
	}

}

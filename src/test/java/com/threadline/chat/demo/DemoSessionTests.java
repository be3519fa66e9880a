package com.threadline.chat.demo;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one-click demo: the server mints every demo user, the demo file is its owner's
 * only, and a demo server listens on loopback unless told otherwise.
 */
class DemoSessionTests extends IntegrationTest {

	@Autowired
	private DemoSetup setup;

	@Value("${chat.demo.file}")
	private Path demoFile;

	@Test
	void theServerMintsTheDemoUserAndIgnoresAnyNameInTheRequest() {
		JsonNode chosen = session(Map.of("user", "demo-user"));
		JsonNode other = session(Map.of());
		for (JsonNode session : List.of(chosen, other)) {
			assertThat(session.get("user").asString()).matches("demo-[0-9a-f]{16}");
		}
		assertThat(chosen.get("user").asString()).isNotEqualTo(other.get("user").asString());
		JsonNode unnamed = expectSession(this.api.anonymous().post().uri("/demo/session").exchange());
		assertThat(unnamed.get("user").asString()).matches("demo-[0-9a-f]{16}");

		WebTestClient first = this.api.as(chosen.get("token").asString());
		Api.post(first, "/v1/threads", Map.of("messages", List.of(Map.of("role", "user", "content", "mine"))), 200);
		assertThat(Api.get(first, "/v1/threads", 200).get("data")).hasSize(1);
		assertThat(Api.get(this.api.as(other.get("token").asString()), "/v1/threads", 200).get("data")).isEmpty();
	}

	@Test
	void theDemoFileIsReadableByItsOwnerOnlyAndALooserOneIsTightenedOnStart() throws Exception {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.demoFile))).isEqualTo("rw-------");
		String before = this.setup.demo().orElseThrow().apiKey();
		Files.setPosixFilePermissions(this.demoFile, PosixFilePermissions.fromString("rw-r--r--"));

		this.setup.run(null);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.demoFile))).isEqualTo("rw-------");
		assertThat(this.setup.demo().orElseThrow().apiKey()).isEqualTo(before);
	}

	@Test
	void aDemoServerIsNotReachableOnOtherInterfaces() throws IOException {
		Optional<InetAddress> external = nonLoopbackAddress();
		assumeTrue(external.isPresent(), "needs a non-loopback IPv4 address on this machine");
		try (Socket socket = new Socket()) {
			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), this.port), 2000));
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 2000);
		}
	}

	@Test
	void listensOnLoopbackOnlyOnAZeroSetupStartOrWhileTheDemoIsOnUnlessServerAddressIsSet() {
		Path file = Path.of("demo.json");
		assertThat(addressWith(new DemoProperties(null, file, "m"), new MockEnvironment()))
			.isEqualTo(InetAddress.getLoopbackAddress());
		assertThat(addressWith(new DemoProperties(null, file, "m"),
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/app")))
			.isNull();
		assertThat(addressWith(new DemoProperties(false, file, "m"), new MockEnvironment()))
			.isEqualTo(InetAddress.getLoopbackAddress());
		assertThat(addressWith(new DemoProperties(true, file, "m"),
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/app")))
			.isEqualTo(InetAddress.getLoopbackAddress());
		assertThat(addressWith(new DemoProperties(true, file, "m"),
				new MockEnvironment().withProperty("server.address", "0.0.0.0")))
			.isNull();
	}

	private static InetAddress addressWith(DemoProperties properties, MockEnvironment environment) {
		NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory();
		new DemoAddress(properties, environment).customize(factory);
		return factory.getAddress();
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
					&& !address.isLinkLocalAddress())
			.findFirst();
	}

	private JsonNode session(Map<String, String> body) {
		return expectSession(this.api.anonymous()
			.post()
			.uri("/demo/session")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange());
	}

	private static JsonNode expectSession(WebTestClient.ResponseSpec response) {
		return Api
			.json(new String(response.expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent()));
	}

}

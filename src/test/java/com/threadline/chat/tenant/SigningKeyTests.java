package com.threadline.chat.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyTests extends IntegrationTest {

	@Test
	void rotationKeepsOlderTokensValidAndSignsNewOnesWithTheNewKid() throws Exception {
		Api.Tenant tenant = this.api.newTenant("SigningRotation");
		String old = this.api.userToken(tenant, "alice");
		String oldKid = SignedJWT.parse(old).getHeader().getKeyID();

		JsonNode rotated = Api.post(this.api.admin(), "/admin/tenants/" + tenant.id() + "/signing_keys", Map.of(), 201);

		assertThat(rotated.get("object").asString()).isEqualTo("signing_key");
		assertThat(rotated.get("tenant_id").asString()).isEqualTo(tenant.id());
		String newKid = rotated.get("id").asString();
		assertThat(newKid).startsWith("sig_").isNotEqualTo(oldKid);
		Api.get(this.api.as(old), "/v1/threads", 200);
		String fresh = this.api.userToken(tenant, "alice");
		assertThat(SignedJWT.parse(fresh).getHeader().getKeyID()).isEqualTo(newKid);
		Api.get(this.api.as(fresh), "/v1/threads", 200);
		Api.get(this.api.as(old), "/v1/threads", 200);
	}

	@Test
	void aKeyIsRetiredOnceEveryTokenItSignedHasExpiredAndItsTokensEndWithIt() throws Exception {
		Api.Tenant tenant = this.api.newTenant("SigningRetirement");
		String first = this.api.userToken(tenant, "alice");
		String firstKid = SignedJWT.parse(first).getHeader().getKeyID();
		String secondKid = Api.post(this.api.admin(), "/admin/tenants/" + tenant.id() + "/signing_keys", Map.of(), 201)
			.get("id")
			.asString();
		String second = this.api.userToken(tenant, "alice");
		Api.get(this.api.as(first), "/v1/threads", 200);
		// The second key took over longer ago than the longest token lifetime (24 h).
		backdate(firstKid, "26 hours");
		backdate(secondKid, "25 hours");

		JsonNode third = Api.post(this.api.admin(), "/admin/tenants/" + tenant.id() + "/signing_keys", Map.of(), 201);

		assertThat(third.get("retired")).extracting(JsonNode::asString).containsExactly(firstKid);
		Api.get(this.api.as(first), "/v1/threads", 401);
		Api.get(this.api.as(second), "/v1/threads", 200);
	}

	@Test
	void rotatingTheSigningKeyOfAnUnknownTenantIsNotFound() {
		Api.post(this.api.admin(), "/admin/tenants/tenant_nope/signing_keys", Map.of(), 404);
		Api.post(this.api.anonymous(), "/admin/tenants/tenant_nope/signing_keys", Map.of(), 401);
	}

	@Test
	void tokensCarryIatAndKidAndTheStoredSecretIsOnlyItsCiphertext() throws Exception {
		Api.Tenant tenant = this.api.newTenant("AtRest");
		SignedJWT token = SignedJWT.parse(this.api.userToken(tenant, "alice"));
		String kid = token.getHeader().getKeyID();
		assertThat(kid).isNotBlank();
		assertThat(token.getJWTClaimsSet().getIssueTime()).isNotNull();

		byte[] stored = storedSecret(kid);

		assertThat(stored).hasSizeGreaterThan(32);
		assertThat(verifies(token, stored)).isFalse();
		byte[] plain = MasterKey.of(MASTER_KEY).decrypt(stored, SigningKey.associatedData(tenant.id(), kid));
		assertThat(plain).hasSize(32);
		assertThat(verifies(token, plain)).isTrue();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(java.util.Base64.getEncoder().encodeToString(plain));
	}

	private static void backdate(String kid, String age) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement update = connection.prepareStatement(
						"update signing_keys set created_at = now() - cast(? as interval) where id = ?")) {
			update.setString(1, age);
			update.setString(2, kid);
			assertThat(update.executeUpdate()).isOne();
		}
	}

	/** The row as stored, read past row-level security as the test superuser. */
	static byte[] storedSecret(String kid) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement select = connection
					.prepareStatement("select secret from signing_keys where id = ?")) {
			select.setString(1, kid);
			try (ResultSet rows = select.executeQuery()) {
				assertThat(rows.next()).as("signing key %s stored", kid).isTrue();
				return rows.getBytes(1);
			}
		}
	}

	/** The decrypted secret of a stored key, as only the application could compute it. */
	static byte[] plainSecret(String tenantId, String kid) throws SQLException {
		return MasterKey.of(MASTER_KEY).decrypt(storedSecret(kid), SigningKey.associatedData(tenantId, kid));
	}

	private static boolean verifies(SignedJWT token, byte[] secret) throws JOSEException {
		return token.verify(new MACVerifier(java.util.Arrays.copyOf(secret, Math.max(32, secret.length))));
	}

}

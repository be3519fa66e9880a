package com.threadline.chat.tenant;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.IntegrationTest;
import com.threadline.chat.support.TestDatabase;

/**
 * Tokens made outside the application, some with the tenant's real signing secret (read
 * from the database and decrypted, as only the application could): every deviation from a
 * token the application would mint is a 401.
 */
class ForgedUserTokenTests extends IntegrationTest {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Api.Tenant tenant;

	private String kid;

	private byte[] secret;

	@BeforeEach
	void tenant() throws Exception {
		this.tenant = this.api.newTenant("Forgery");
		this.kid = SignedJWT.parse(this.api.userToken(this.tenant, "alice")).getHeader().getKeyID();
		this.secret = SigningKeyTests.plainSecret(this.tenant.id(), this.kid);
	}

	@Test
	void aTokenMadeLikeTheApplicationsOwnIsAccepted() throws Exception {
		Api.get(this.api.as(sign(header(this.kid), claims().build(), this.secret)), "/v1/threads", 200);
	}

	@Test
	void refusesTamperedUnsignedAndOtherAlgorithmTokens() throws Exception {
		String genuine = this.api.userToken(this.tenant, "alice");
		String[] parts = genuine.split("\\.");
		String otherUser = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(claims().subject("mallory").build().toString().getBytes());
		expectRefused(parts[0] + "." + otherUser + "." + parts[2]);
		expectRefused(new PlainJWT(claims().build()).serialize());
		expectRefused(Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + this.kid + "\"}").getBytes()) + "." + parts[1] + ".");
		expectRefused(sign(new JWSHeader.Builder(JWSAlgorithm.HS512).keyID(this.kid).build(), claims().build(),
				randomBytes(64)));
		expectRefused(sign(header(this.kid), claims().build(), randomBytes(32)));
	}

	@Test
	void refusesUnknownAndForeignKidsEvenWithTheRightSecret() throws Exception {
		expectRefused(sign(header("sig_unknown"), claims().build(), this.secret));
		Api.Tenant other = this.api.newTenant("Forgery-Other");
		String otherKid = SignedJWT.parse(this.api.userToken(other, "bob")).getHeader().getKeyID();
		byte[] otherSecret = SigningKeyTests.plainSecret(other.id(), otherKid);
		// The other tenant's own key, claiming to speak for this tenant.
		expectRefused(sign(header(otherKid), claims().build(), otherSecret));
	}

	@Test
	void refusesExpiredWrongIssuerAndIncompleteTokensSignedWithTheRightKey() throws Exception {
		Instant past = Instant.now().minusSeconds(60);
		expectRefused(sign(header(this.kid), claims().expirationTime(Date.from(past)).build(), this.secret));
		expectRefused(sign(header(this.kid), claims().issuer("someone-else").build(), this.secret));
		expectRefused(sign(header(this.kid), claims().issueTime(null).build(), this.secret));
		expectRefused(sign(header(this.kid), claims().expirationTime(null).build(), this.secret));
		expectRefused(sign(header(this.kid), claims().claim("tid", null).build(), this.secret));
		expectRefused(sign(header(this.kid), claims().claim("ugen", "later").build(), this.secret));
	}

	@Test
	void tokensOfOlderBuildsWithoutKidVerifyAgainstTheMigratedLegacyKey() throws Exception {
		byte[] legacySecret = randomBytes(32);
		String legacyKid = SigningKey.legacyKid(this.tenant.id());
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement insert = connection
					.prepareStatement("insert into signing_keys (id, tenant_id, secret) values (?, ?, ?)")) {
			insert.setString(1, legacyKid);
			insert.setString(2, this.tenant.id());
			insert.setBytes(3, MasterKey.of(MASTER_KEY)
				.encrypt(legacySecret, SigningKey.associatedData(this.tenant.id(), legacyKid)));
			insert.executeUpdate();
		}
		// As the builds before signing keys minted them: no kid, no generations.
		JWTClaimsSet legacyClaims = claims().claim("tgen", null).claim("ugen", null).build();
		String legacy = sign(new JWSHeader(JWSAlgorithm.HS256), legacyClaims, legacySecret);
		Api.get(this.api.as(legacy), "/v1/threads", 200);
		expectRefused(sign(new JWSHeader(JWSAlgorithm.HS256), legacyClaims, this.secret));

		Api.post(this.api.admin(), "/admin/tenants/" + this.tenant.id() + "/api_keys", Map.of(), 201);
		expectRefused(legacy);
	}

	private void expectRefused(String token) {
		Api.get(this.api.as(token), "/v1/threads", 401);
	}

	private JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer("threadline")
			.subject("alice")
			.claim("tid", this.tenant.id())
			.claim("tgen", 0L)
			.claim("ugen", 0L)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)));
	}

	private static JWSHeader header(@Nullable String kid) {
		return new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(JOSEObjectType.JWT).build();
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims, byte[] secret) throws Exception {
		SignedJWT jwt = new SignedJWT(header, claims);
		jwt.sign(new MACSigner(secret));
		return jwt.serialize();
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}

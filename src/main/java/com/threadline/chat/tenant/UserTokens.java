package com.threadline.chat.tenant;

import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.Limits;

/**
 * Mints and verifies end-user tokens: HS256 JWTs carrying the tenant ({@code tid}) and
 * the user ({@code sub}), signed with the tenant's own secret, so disabling a tenant also
 * ends its users' tokens.
 */
@Component
public class UserTokens {

	private static final String ISSUER = "threadline";

	private final TenantService tenants;

	private final UserTokenProperties properties;

	UserTokens(TenantService tenants, UserTokenProperties properties) {
		this.tenants = tenants;
		this.properties = properties;
	}

	public record Minted(String object, String token, String user, long expiresAt) {
	}

	@Transactional(readOnly = true)
	public Minted mint(String tenantId, @Nullable String user, @Nullable Long ttlSeconds) {
		if (user == null || user.isBlank()) {
			throw ApiException.invalid("user", "Missing required parameter: 'user'.");
		}
		Limits.maxLength(user, "user", 256);
		long maxTtl = this.properties.maxTtl().toSeconds();
		long ttl = (ttlSeconds != null) ? ttlSeconds : this.properties.defaultTtl().toSeconds();
		if (ttl < 1 || ttl > maxTtl) {
			throw ApiException.invalid("ttl_seconds",
					"Invalid 'ttl_seconds': expected an integer between 1 and %d, got %d.".formatted(maxTtl, ttl));
		}
		Tenant tenant = this.tenants.enabledTenant(tenantId).orElseThrow();
		Instant now = Instant.now();
		Instant expires = now.plusSeconds(ttl);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(user)
			.claim("tid", tenantId)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expires))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(new MACSigner(secret(tenant)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign user token", ex);
		}
		return new Minted("user_token", jwt.serialize(), user, expires.getEpochSecond());
	}

	/**
	 * The caller a token stands for, if it is well formed, correctly signed, unexpired
	 * and its tenant enabled.
	 */
	@Transactional(readOnly = true)
	Optional<Caller> verify(String token) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			String tenantId = claims.getStringClaim("tid");
			String user = claims.getSubject();
			Date expires = claims.getExpirationTime();
			if (tenantId == null || user == null || expires == null || !ISSUER.equals(claims.getIssuer())
					|| !JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
				return Optional.empty();
			}
			Optional<Tenant> tenant = this.tenants.enabledTenant(tenantId);
			if (tenant.isEmpty() || !jwt.verify(new MACVerifier(secret(tenant.get())))
					|| expires.toInstant().isBefore(Instant.now())) {
				return Optional.empty();
			}
			return Optional.of(Caller.user(tenantId, user));
		}
		catch (ParseException | JOSEException ex) {
			return Optional.empty();
		}
	}

	private static byte[] secret(Tenant tenant) {
		return Base64.getDecoder().decode(tenant.tokenSecret());
	}

}

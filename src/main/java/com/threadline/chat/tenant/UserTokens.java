package com.threadline.chat.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ObjectIds;

/**
 * Mints and verifies end-user tokens: HS256 JWTs carrying the tenant ({@code tid}), the
 * user ({@code sub}), {@code iat}, and the tenant's and user's revocation generations
 * ({@code tgen}, {@code ugen}), signed by the tenant's current signing key, named in the
 * header's {@code kid}. Verification goes through Spring Security's
 * {@link NimbusJwtDecoder}. Disabling the tenant, rotating its API keys or revoking the
 * user ends a token.
 */
@Component
public class UserTokens {

	static final String TENANT_CLAIM = "tid";

	static final String TENANT_GENERATION = "tgen";

	static final String USER_GENERATION = "ugen";

	private static final String ISSUER = "threadline";

	private final TenantLookups tenants;

	private final TenantKeys keys;

	private final UserRevocations revocations;

	private final UserTokenRequests requests;

	private final NimbusJwtDecoder decoder;

	UserTokens(TenantLookups tenants, TenantKeys keys, UserRevocations revocations, UserTokenProperties properties) {
		this.tenants = tenants;
		this.keys = keys;
		this.revocations = revocations;
		this.requests = new UserTokenRequests(properties);
		this.decoder = decoder(keys);
	}

	public record Minted(String object, String token, String user, long expiresAt) {
	}

	public Minted mint(String tenantId, @Nullable String user, @Nullable Long ttlSeconds) {
		String subject = this.requests.user(user);
		long ttl = this.requests.ttlSeconds(ttlSeconds);
		TenantLookups.TenantState tenant = this.tenants.currentState(tenantId)
			.filter(TenantLookups.TenantState::enabled)
			.orElseThrow(() -> ApiException.unauthorized("invalid_api_key", "The tenant is disabled."));
		Instant now = Instant.now();
		Instant expires = now.plusSeconds(ttl);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.jwtID(ObjectIds.random(24))
			.claim(TENANT_CLAIM, tenantId)
			.claim(TENANT_GENERATION, tenant.tokenGeneration())
			.claim(USER_GENERATION, this.revocations.current(tenantId, subject))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expires))
			.build();
		return new Minted("user_token", sign(tenantId, claims), subject, expires.getEpochSecond());
	}

	/** Ends every token of {@code user} minted before now. */
	UserRevocations.Revocation revoke(String tenantId, @Nullable String user) {
		return this.revocations.revoke(tenantId, this.requests.user(user));
	}

	/**
	 * The caller a token stands for, if it is well formed, signed by an unretired key of
	 * its tenant, unexpired, not revoked, and its tenant enabled.
	 */
	Optional<Caller> verify(String token) {
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
		String tenantId = Objects.requireNonNull(jwt.getClaimAsString(TENANT_CLAIM));
		String user = Objects.requireNonNull(jwt.getSubject());
		return this.tenants.state(tenantId)
			.filter(TenantLookups.TenantState::enabled)
			.filter(tenant -> generation(jwt, TENANT_GENERATION) >= tenant.tokenGeneration())
			.filter(tenant -> generation(jwt, USER_GENERATION) >= this.revocations.generation(tenantId, user))
			.map(tenant -> Caller.user(tenantId, user));
	}

	private String sign(String tenantId, JWTClaimsSet claims) {
		TenantKeys.Signer signer = this.keys.signer(tenantId);
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signer.kid())
			.type(JOSEObjectType.JWT)
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new MACSigner(signer.key()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign user token", ex);
		}
		return jwt.serialize();
	}

	/**
	 * Tokens minted before generations existed carry none: generation 0. A claim that is
	 * not a number is older than every generation.
	 */
	private static long generation(Jwt jwt, String claim) {
		Object value = jwt.getClaim(claim);
		if (value == null) {
			return 0;
		}
		return (value instanceof Number number) ? number.longValue() : -1;
	}

	private static NimbusJwtDecoder decoder(TenantKeys keys) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWTClaimsSetAwareJWSKeySelector(new UserTokenKeySelector(keys));
		// Presence is checked on the raw claims: Spring's Jwt would fill a missing iat in
		// from
		// exp. Values are checked below by Spring Security's validators.
		DefaultJWTClaimsVerifier<SecurityContext> required = new DefaultJWTClaimsVerifier<>(null,
				Set.of(JwtClaimNames.ISS, JwtClaimNames.SUB, JwtClaimNames.IAT, JwtClaimNames.EXP, TENANT_CLAIM));
		required.setMaxClockSkew(0);
		processor.setJWTClaimsSetVerifier(required);
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setAllowEmptyExpiryClaim(false);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER),
				new JwtClaimValidator<Object>(TENANT_CLAIM, String.class::isInstance)));
		return decoder;
	}

}

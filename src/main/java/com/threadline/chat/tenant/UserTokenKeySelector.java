package com.threadline.chat.tenant;

import java.security.Key;
import java.text.ParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTClaimsSetAwareJWSKeySelector;
import org.jspecify.annotations.Nullable;

/**
 * Picks the key that may have signed a user token: HS256 only, the key named by the
 * header's {@code kid} among the keys of the tenant the token names ({@code tid}). The
 * tenant claim is not trusted yet here: it only narrows the search to that tenant's keys,
 * and the signature check that follows decides. No key, no acceptance: unknown kids,
 * retired keys, other algorithms and unsigned tokens are all refused.
 */
class UserTokenKeySelector implements JWTClaimsSetAwareJWSKeySelector<SecurityContext> {

	/** Tenant ids as {@code ObjectIds} makes them; anything else cannot be a tenant. */
	private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final TenantKeys keys;

	UserTokenKeySelector(TenantKeys keys) {
		this.keys = keys;
	}

	@Override
	public List<? extends Key> selectKeys(JWSHeader header, JWTClaimsSet claims, @Nullable SecurityContext context) {
		String tenantId = tenantId(claims);
		if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || tenantId == null) {
			return List.of();
		}
		// Tokens minted before signing keys existed carry no kid (see
		// SigningKey.legacyKid).
		String kid = (header.getKeyID() != null) ? header.getKeyID() : SigningKey.legacyKid(tenantId);
		return this.keys.verifying(tenantId, kid).map(List::of).orElse(List.of());
	}

	private static @Nullable String tenantId(JWTClaimsSet claims) {
		try {
			String tenantId = claims.getStringClaim(UserTokens.TENANT_CLAIM);
			return (tenantId != null && TENANT_ID.matcher(tenantId).matches()) ? tenantId : null;
		}
		catch (ParseException ex) {
			return null;
		}
	}

}

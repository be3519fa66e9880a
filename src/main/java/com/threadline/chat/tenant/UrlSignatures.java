package com.threadline.chat.tenant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signatures of short-lived URLs that stand in for a credential (a file's content for a
 * model provider): base64url HMAC-SHA256 over the tenant, the resource and the expiry,
 * under a key derived from the master key for this purpose alone.
 */
@Component
public class UrlSignatures {

	private static final String LABEL = "threadline/signed-urls/v1";

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec key;

	UrlSignatures(MasterKey masterKey) {
		this.key = new SecretKeySpec(masterKey.derive(LABEL), "HmacSHA256");
	}

	/**
	 * The signature of {@code resource} of {@code tenantId}, valid until {@code expires}.
	 */
	public String sign(String tenantId, String resource, long expires) {
		return BASE64.encodeToString(mac(tenantId, resource, expires));
	}

	/**
	 * Whether {@code signature} was made by {@link #sign} for exactly these; constant
	 * time.
	 */
	public boolean verifies(String tenantId, String resource, long expires, String signature) {
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(mac(tenantId, resource, expires), given);
	}

	private byte[] mac(String tenantId, String resource, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			// NUL cannot occur in ids, so no two triples share a message.
			return mac.doFinal((tenantId + '\0' + resource + '\0' + expires).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

}

package tw.ecpa.portal.captcha;

import java.time.Instant;

/**
 * A captcha as stored: its id, a hash of its answer and when it expires. The answer itself is never
 * stored.
 *
 * @param id the random, URL-safe id the page sends back with the answer
 * @param answerHash the SHA-256 (hex) of the lower-cased answer
 * @param expiresAt the moment from which the captcha is no longer accepted
 */
public record Captcha(String id, String answerHash, Instant expiresAt) {}

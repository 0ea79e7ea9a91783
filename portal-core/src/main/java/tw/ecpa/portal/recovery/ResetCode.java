package tw.ecpa.portal.recovery;

import java.time.Instant;

/**
 * An open verification code (認證碼) as stored.
 *
 * @param id the code's key
 * @param accountId whose password it may reset
 * @param codeHash the SHA-256 of the code (the code itself is only in the e-mail)
 * @param expiresAt when it stops working (24 hours after it was sent)
 * @param failedAttempts wrong codes typed against it so far
 */
public record ResetCode(long id, long accountId, String codeHash, Instant expiresAt, int failedAttempts) {}

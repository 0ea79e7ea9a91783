package tw.ecpa.portal.session;

import java.time.Instant;

/**
 * A logged-in session as stored: whose it is, how they logged in, its CSRF token and when it was
 * last used.
 *
 * @param tokenHash the SHA-256 of the session token (the token itself is never stored)
 * @param accountId the account
 * @param loginMethod the login method's id ({@code password}, {@code moica}, …)
 * @param csrfToken the token state-changing requests must carry
 * @param createdAt when the session started
 * @param lastSeenAt when it was last used
 */
public record Session(String tokenHash, long accountId, String loginMethod, String csrfToken,
    Instant createdAt, Instant lastSeenAt) {}

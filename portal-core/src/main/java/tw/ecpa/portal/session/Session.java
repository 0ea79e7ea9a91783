package tw.ecpa.portal.session;

import java.time.Instant;

/**
 * A logged-in session as stored: whose it is, how they logged in, its CSRF token and when it was
 * last used. A session belongs to a person's account or, after an organization-certificate login, to
 * an organization (then it opens only that organization's HR functions).
 *
 * @param tokenHash the SHA-256 of the session token (the token itself is never stored)
 * @param accountId the account, or {@code null} for an organization session
 * @param organizationCode the organization of an organization session, else {@code null}
 * @param loginMethod the login method's id ({@code password}, {@code moica}, …)
 * @param csrfToken the token state-changing requests must carry
 * @param createdAt when the session started
 * @param lastSeenAt when it was last used
 */
public record Session(String tokenHash, Long accountId, String organizationCode, String loginMethod,
    String csrfToken, Instant createdAt, Instant lastSeenAt) {

  public Session {
    if ((accountId == null) == (organizationCode == null)) {
      throw new IllegalArgumentException("a session belongs to an account or to an organization");
    }
  }

  /** Whether this is an organization-certificate session. */
  public boolean forOrganization() {
    return organizationCode != null;
  }
}

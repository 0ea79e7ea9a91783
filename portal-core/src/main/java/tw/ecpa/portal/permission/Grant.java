package tw.ecpa.portal.permission;

import java.time.Instant;
import java.util.Objects;

/**
 * A system granted to an account within an organization (應用系統授權設定).
 *
 * @param accountId the account that holds it
 * @param organizationCode the organization on whose behalf it is held
 * @param systemId the system or HR function
 * @param grantedAt when it was granted
 * @param grantedBy who granted it (custom account or masked identity number)
 */
public record Grant(long accountId, String organizationCode, String systemId, Instant grantedAt, String grantedBy) {

  public Grant {
    Objects.requireNonNull(organizationCode, "organizationCode");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(grantedAt, "grantedAt");
  }
}

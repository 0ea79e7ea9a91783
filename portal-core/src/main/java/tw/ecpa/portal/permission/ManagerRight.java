package tw.ecpa.portal.permission;

import java.time.Instant;
import java.util.Objects;

/**
 * The right to manage an organization's permissions (管理權限), granted to an account beyond the
 * organization's HR officers and HR heads, who hold it by their role.
 *
 * @param accountId the account that holds it
 * @param organizationCode the organization it manages
 * @param grantedAt when it was granted
 * @param grantedBy who granted it
 */
public record ManagerRight(long accountId, String organizationCode, Instant grantedAt, String grantedBy) {

  public ManagerRight {
    Objects.requireNonNull(organizationCode, "organizationCode");
    Objects.requireNonNull(grantedAt, "grantedAt");
  }
}

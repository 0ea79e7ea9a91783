package tw.ecpa.portal.permission;

/**
 * A system or HR function an account may use on behalf of an organization, and where that comes from.
 *
 * @param organizationCode on whose behalf
 * @param systemId the system or HR function
 * @param source a grant, the HR role, or a delegation
 * @param delegation the delegation it comes through, or {@code null}
 */
public record Right(String organizationCode, String systemId, Source source, Delegation delegation) {

  /** Where a right comes from. */
  public enum Source {
    /** The organization's HR officers and HR heads hold its HR functions. */
    ROLE,
    /** 應用系統授權設定. */
    GRANT,
    /** 兼辦. */
    DELEGATION
  }
}

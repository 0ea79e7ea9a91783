package tw.ecpa.portal.audit;

/** The security events the portal records. */
public enum AuditKind {
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  ACCOUNT_LOCKED,
  ACCOUNT_UNLOCKED,
  RESET_REQUESTED,
  RESET_VERIFIED,
  RESET_COMPLETED,
  PASSWORD_CHANGED,
  HR_RESET,
  ACTIVATED
}

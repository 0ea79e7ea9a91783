package tw.ecpa.portal.audit;

/** The security events the portal records. */
public enum AuditKind {
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  ACCOUNT_LOCKED,
  ACCOUNT_UNLOCKED,
  RESET_REQUESTED,
  RESET_VERIFIED,
  RESET_VERIFY_FAILED,
  MAILBOX_REVERIFIED,
  RESET_COMPLETED,
  PASSWORD_CHANGED,
  HR_RESET,
  PROFILE_UPDATED,
  /** An HR officer corrected an employee's e-mail address (校正員工Email). */
  EMAIL_CORRECTED,
  ACTIVATED,
  /** A citizen certificate was bound to an account (first certificate login or a renewed card). */
  CERTIFICATE_BOUND
}

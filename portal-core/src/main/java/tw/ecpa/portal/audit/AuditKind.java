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
  CERTIFICATE_BOUND,
  /** A system or HR function was granted within an organization (應用系統授權設定). */
  PERMISSION_GRANTED,
  /** A granted system or HR function was revoked. */
  PERMISSION_REVOKED,
  /** The manager right of an organization was granted (管理權限授權設定). */
  MANAGER_GRANTED,
  /** A granted manager right was revoked. */
  MANAGER_REVOKED,
  /** A system or HR function was delegated for a period (兼辦管理). */
  DELEGATION_CREATED,
  /** A delegation was revoked. */
  DELEGATION_REVOKED
}

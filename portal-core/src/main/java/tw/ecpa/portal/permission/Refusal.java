package tw.ecpa.portal.permission;

/** Why a permission change or query was turned down. */
public enum Refusal {
  /** The caller does not manage the organization (管理權限). */
  NOT_MANAGER,
  /** The catalogue has no such system or HR function. */
  UNKNOWN_SYSTEM,
  /** No such organization. */
  UNKNOWN_ORGANIZATION,
  /** No person or account with this custom account or identity number (within reach). */
  PERSON_NOT_FOUND,
  /** A grant or manager right is only for people of the organization itself. */
  OUTSIDE_ORGANIZATION,
  /** The account holds it already. */
  ALREADY_HELD,
  /** Nothing to revoke: no such grant, manager right or delegation. */
  NOT_FOUND,
  /** The delegation was revoked already. */
  ALREADY_REVOKED,
  /** The caller does not hold the right it tries to delegate. */
  NOT_HELD,
  /** The caller holds the right only through a delegation, which cannot be delegated further. */
  DELEGATED_ONLY,
  /** The period is missing or ends before it starts. */
  BAD_PERIOD,
  /** The period is over already. */
  PERIOD_PAST,
  /** A delegation to oneself. */
  SELF
}

package tw.ecpa.portal.permission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the portal keeps grants, manager rights and delegations. */
public interface PermissionStore {

  /** Adds a grant; false, and nothing changed, when the account holds it already. */
  boolean addGrant(Grant grant);

  /** Removes a grant; false when there was none. */
  boolean removeGrant(long accountId, String organizationCode, String systemId);

  /** The grants within an organization, by system and then by account. */
  List<Grant> grantsIn(String organizationCode);

  /** The grants an account holds, in any organization. */
  List<Grant> grantsTo(long accountId);

  /** Adds a manager right; false when the account holds it already. */
  boolean addManager(ManagerRight right);

  /** Removes a manager right; false when there was none. */
  boolean removeManager(long accountId, String organizationCode);

  /** The manager rights granted for an organization, by account. */
  List<ManagerRight> managersOf(String organizationCode);

  /** The manager rights an account holds. */
  List<ManagerRight> managedBy(long accountId);

  /** Stores a new delegation; returns it with its key. */
  Delegation addDelegation(Delegation delegation);

  /** The delegation with this key, if any. */
  Optional<Delegation> delegation(long id);

  /** Marks a delegation revoked; false when it does not exist or was revoked already. */
  boolean revokeDelegation(long id, Instant at, String by);

  /** The delegations of an organization's systems, newest first. */
  List<Delegation> delegationsFrom(String organizationCode);

  /** The delegations given to an account, newest first. */
  List<Delegation> delegationsTo(long accountId);

  /** The accounts with the HR officer or HR head role whose person serves in the organization. */
  List<Long> hrAccountsOf(String organizationCode);
}

package tw.ecpa.portal.permission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.hr.ResetRights;
import tw.ecpa.portal.people.People;

/**
 * 權限與兼辦管理: who may use which application system or HR function on behalf of which organization,
 * and who may manage that.
 * <ul>
 *   <li>應用系統授權設定: a manager of an organization grants and revokes systems for its people;</li>
 *   <li>管理權限授權設定: the HR officers and HR heads of an organization manage it by their role, and
 *       may give the manager right to other people of the organization;</li>
 *   <li>兼辦管理: a manager who holds a right itself (a grant, or an HR function by its role) lends it to
 *       another person for a period of days, inclusive, in Taiwan time; outside the period, once revoked,
 *       or once the delegator no longer holds the right, the delegation has no effect, and what one holds
 *       only by delegation cannot be delegated further.</li>
 * </ul>
 * An account's effective rights at a moment are its own (role and grants) plus its active delegations.
 * Every change is audited with the actor, the organization on whose behalf, the right and before/after.
 *
 * <p>This is the service callers use; the work is done by job: {@link EffectiveRights} (what an account
 * holds), {@link GrantManagement} (grants and the manager right), {@link DelegationManagement} (兼辦) and
 * {@link PermissionSearch} (進階搜尋).
 */
public final class Permissions implements ResetRights {

  private final SystemCatalogue catalogue;
  private final Clock clock;
  private final EffectiveRights rights;
  private final GrantManagement grants;
  private final DelegationManagement delegations;
  private final PermissionSearch search;

  /** Creates the service over its store, the catalogue, accounts, people and the audit log. */
  public Permissions(PermissionStore store, SystemCatalogue catalogue, Accounts accounts, People people,
      AuditLog audit, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
    this.rights = new EffectiveRights(store, catalogue, accounts, people);
    PermissionDirectory directory = new PermissionDirectory(catalogue, accounts, people, rights);
    PermissionAudit log = new PermissionAudit(audit);
    this.grants = new GrantManagement(store, rights, directory, log, clock);
    this.delegations = new DelegationManagement(store, catalogue, rights, directory, log, clock);
    this.search = new PermissionSearch(store, catalogue, accounts, rights, directory, clock);
  }

  /** The catalogue grants and delegations name systems from. */
  public SystemCatalogue catalogue() {
    return catalogue;
  }

  // ---- rights -----------------------------------------------------------------------------------

  /** The organization the account's person serves in, if the person is known. */
  public Optional<String> organizationOf(Account account) {
    return rights.organizationOf(account);
  }

  /** Whether the account manages the organization's permissions (its HR role there, or 管理權限). */
  public boolean manages(Account account, String organizationCode) {
    return rights.manages(account, organizationCode);
  }

  /** The organizations whose permissions the account manages. */
  public Set<String> managedOrganizations(Account account) {
    return rights.managedOrganizations(account);
  }

  /** The rights the account holds itself, by its role and by grants; never delegated ones. */
  public List<Right> ownRights(Account account) {
    return rights.ownRights(account);
  }

  /** The rights the account holds through delegations that have effect at this moment. */
  public List<Right> delegatedRights(Account account, Instant at) {
    return rights.delegatedRights(account, at);
  }

  /** The account's effective rights at a moment: its own and its effective delegations. */
  public List<Right> rightsAt(Account account, Instant at) {
    return rights.rightsAt(account, at);
  }

  /** The account's effective rights now. */
  public List<Right> rightsNow(Account account) {
    return rightsAt(account, clock.instant());
  }

  /** Whether the account may use a system on behalf of an organization at a moment. */
  public boolean holds(Account account, String organizationCode, String systemId, Instant at) {
    return rightsAt(account, at).stream()
        .anyMatch(r -> r.organizationCode().equals(organizationCode) && r.systemId().equals(systemId));
  }

  /** The organizations whose employees' passwords the account may reset: the 重設員工密碼 right. */
  @Override
  public Set<String> organizations(Account account, Instant at) {
    Set<String> out = new LinkedHashSet<>();
    rightsAt(account, at).stream().filter(r -> r.systemId().equals(SystemCatalogue.PASSWORD_RESET))
        .forEach(r -> out.add(r.organizationCode()));
    return out;
  }

  // ---- 應用系統授權設定 ------------------------------------------------------------------------

  /** The grants within an organization, for its managers. */
  public PermissionOutcome<List<Holder>> grants(Account actor, String organizationCode) {
    return grants.grants(actor, organizationCode);
  }

  /** Grants a system to a person of the organization (by custom account or identity number). */
  public PermissionOutcome<Holder> grant(Account actor, String organizationCode, String person, String systemId,
      String clientAddress) {
    return grants.grant(actor, organizationCode, person, systemId, clientAddress);
  }

  /** Revokes a system granted to an account within the organization; takes effect at once. */
  public PermissionOutcome<Member> revoke(Account actor, String organizationCode, long accountId, String systemId,
      String clientAddress) {
    return grants.revoke(actor, organizationCode, accountId, systemId, clientAddress);
  }

  // ---- 管理權限授權設定 ------------------------------------------------------------------------

  /** Who manages an organization: its HR officers and HR heads by role, and those granted the right. */
  public PermissionOutcome<List<Holder>> managers(Account actor, String organizationCode) {
    return grants.managers(actor, organizationCode);
  }

  /** Gives the manager right of the organization to a person of it. */
  public PermissionOutcome<Holder> grantManager(Account actor, String organizationCode, String person,
      String clientAddress) {
    return grants.grantManager(actor, organizationCode, person, clientAddress);
  }

  /** Takes back a granted manager right (not the HR role's); takes effect at once. */
  public PermissionOutcome<Member> revokeManager(Account actor, String organizationCode, long accountId,
      String clientAddress) {
    return grants.revokeManager(actor, organizationCode, accountId, clientAddress);
  }

  // ---- 兼辦管理 --------------------------------------------------------------------------------

  /** The delegations of an organization's systems, newest first, with where each stands now. */
  public PermissionOutcome<List<DelegationEntry>> delegations(Account actor, String organizationCode) {
    return delegations.delegations(actor, organizationCode);
  }

  /**
   * Delegates a right the actor holds itself on behalf of an organization to a person (by custom
   * account or identity number) from {@code startDate} to {@code endDate}, both inclusive.
   */
  public PermissionOutcome<DelegationEntry> delegate(Account actor, String organizationCode, String person,
      String systemId, LocalDate startDate, LocalDate endDate, String clientAddress) {
    return delegations.delegate(actor, organizationCode, person, systemId, startDate, endDate, clientAddress);
  }

  /**
   * Revokes a delegation at once; a manager of its organization or its delegator may. The delegate
   * loses the right from this moment.
   */
  public PermissionOutcome<DelegationEntry> revokeDelegation(Account actor, long id, String clientAddress) {
    return delegations.revokeDelegation(actor, id, clientAddress);
  }

  // ---- 進階搜尋 --------------------------------------------------------------------------------

  /**
   * 查詢人員自訂帳號: the person and custom account behind a custom account or identity number, among
   * the people of the organizations the actor manages.
   */
  public PermissionOutcome<Member> findPerson(Account actor, String person) {
    return search.findPerson(actor, person);
  }

  /** 可用應用系統查詢: the systems a person of a managed organization holds itself (role and grants). */
  public PermissionOutcome<PersonRights> availableSystems(Account actor, String person) {
    return search.availableSystems(actor, person);
  }

  /**
   * 可用兼辦應用系統查詢: the delegated systems a person may use now. A manager of the person's
   * organization sees them all; a manager of other organizations sees those its organizations lent.
   */
  public PermissionOutcome<PersonRights> availableDelegatedSystems(Account actor, String person) {
    return search.availableDelegatedSystems(actor, person);
  }

  /** 應用系統權限查詢: who holds a system within an organization itself (role and grants). */
  public PermissionOutcome<List<Holder>> systemHolders(Account actor, String organizationCode, String systemId) {
    return search.systemHolders(actor, organizationCode, systemId);
  }

  /** 兼辦應用系統權限查詢: who may use an organization's system now through a delegation. */
  public PermissionOutcome<List<Holder>> delegatedSystemHolders(Account actor, String organizationCode,
      String systemId) {
    return search.delegatedSystemHolders(actor, organizationCode, systemId);
  }
}

package tw.ecpa.portal.permission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.hr.ResetRights;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;

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
 */
public final class Permissions implements ResetRights {

  private static final Set<Role> HR_ROLES = Set.of(Role.HR_OFFICER, Role.HR_HEAD);

  private final PermissionStore store;
  private final SystemCatalogue catalogue;
  private final Accounts accounts;
  private final People people;
  private final AuditLog audit;
  private final Clock clock;

  /** Creates the service over its store, the catalogue, accounts, people and the audit log. */
  public Permissions(PermissionStore store, SystemCatalogue catalogue, Accounts accounts, People people,
      AuditLog audit, Clock clock) {
    this.store = store;
    this.catalogue = catalogue;
    this.accounts = accounts;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  /** The catalogue grants and delegations name systems from. */
  public SystemCatalogue catalogue() {
    return catalogue;
  }

  // ---- rights -----------------------------------------------------------------------------------

  /** The organization the account's person serves in, if the person is known. */
  public Optional<String> organizationOf(Account account) {
    return people.find(account.idNumber()).map(Person::organizationCode);
  }

  private boolean hrOf(Account account, String organizationCode) {
    return account.roles().stream().anyMatch(HR_ROLES::contains)
        && organizationOf(account).filter(organizationCode::equals).isPresent();
  }

  /** Whether the account manages the organization's permissions (its HR role there, or 管理權限). */
  public boolean manages(Account account, String organizationCode) {
    return organizationCode != null && (hrOf(account, organizationCode)
        || store.managedBy(account.id()).stream().anyMatch(m -> m.organizationCode().equals(organizationCode)));
  }

  /** The organizations whose permissions the account manages. */
  public Set<String> managedOrganizations(Account account) {
    Set<String> out = new LinkedHashSet<>();
    if (account.roles().stream().anyMatch(HR_ROLES::contains)) {
      organizationOf(account).ifPresent(out::add);
    }
    store.managedBy(account.id()).forEach(m -> out.add(m.organizationCode()));
    return out;
  }

  /** The rights the account holds itself, by its role and by grants; never delegated ones. */
  public List<Right> ownRights(Account account) {
    List<Right> out = new ArrayList<>();
    if (account.roles().stream().anyMatch(HR_ROLES::contains)) {
      organizationOf(account).ifPresent(org -> catalogue.all().stream().filter(AppSystem::hrFunction)
          .forEach(s -> out.add(new Right(org, s.id(), Right.Source.ROLE, null))));
    }
    for (Grant g : store.grantsTo(account.id())) {
      if (out.stream().noneMatch(r -> r.organizationCode().equals(g.organizationCode())
          && r.systemId().equals(g.systemId()))) {
        out.add(new Right(g.organizationCode(), g.systemId(), Right.Source.GRANT, null));
      }
    }
    return out;
  }

  private boolean holdsOwn(Account account, String organizationCode, String systemId) {
    return ownRights(account).stream()
        .anyMatch(r -> r.organizationCode().equals(organizationCode) && r.systemId().equals(systemId));
  }

  /**
   * Whether a delegation has effect at a moment: in its period, not revoked, and its delegator still
   * holds the right itself (a delegation never gives more than the delegator has).
   */
  private boolean effective(Delegation d, Instant at) {
    return d.activeAt(at) && accounts.byId(d.delegatorAccountId())
        .filter(delegator -> holdsOwn(delegator, d.organizationCode(), d.systemId())).isPresent();
  }

  /** The rights the account holds through delegations that have effect at this moment. */
  public List<Right> delegatedRights(Account account, Instant at) {
    return store.delegationsTo(account.id()).stream().filter(d -> effective(d, at))
        .map(d -> new Right(d.organizationCode(), d.systemId(), Right.Source.DELEGATION, d)).toList();
  }

  /** The account's effective rights at a moment: its own and its effective delegations. */
  public List<Right> rightsAt(Account account, Instant at) {
    List<Right> out = new ArrayList<>(ownRights(account));
    out.addAll(delegatedRights(account, at));
    return out;
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
    if (!manages(actor, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    List<Holder> out = new ArrayList<>();
    for (Grant g : store.grantsIn(organizationCode)) {
      member(g.accountId()).ifPresent(m -> out.add(new Holder(m,
          new Right(g.organizationCode(), g.systemId(), Right.Source.GRANT, null), g.grantedAt(), g.grantedBy())));
    }
    return PermissionOutcome.done(out);
  }

  /** Grants a system to a person of the organization (by custom account or identity number). */
  public PermissionOutcome<Holder> grant(Account actor, String organizationCode, String person, String systemId,
      String clientAddress) {
    Optional<Refusal> refusal = checkManager(actor, organizationCode, systemId);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    PermissionOutcome<Named> found = namedIn(person, organizationCode);
    if (found instanceof PermissionOutcome.Refused<Named> refused) {
      return PermissionOutcome.refused(refused.refusal());
    }
    Member member = ((PermissionOutcome.Done<Named>) found).value().member();
    Instant now = clock.instant();
    Grant grant = new Grant(member.accountId(), organizationCode, systemId, now, actorName(actor));
    if (!store.addGrant(grant)) {
      return PermissionOutcome.refused(Refusal.ALREADY_HELD);
    }
    record(now, AuditKind.PERMISSION_GRANTED, actor, member, clientAddress,
        organizationCode, "system " + systemId, "none", "granted");
    return PermissionOutcome.done(new Holder(member,
        new Right(organizationCode, systemId, Right.Source.GRANT, null), now, grant.grantedBy()));
  }

  /** Revokes a system granted to an account within the organization; takes effect at once. */
  public PermissionOutcome<Member> revoke(Account actor, String organizationCode, long accountId, String systemId,
      String clientAddress) {
    Optional<Refusal> refusal = checkManager(actor, organizationCode, systemId);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    Optional<Member> member = member(accountId);
    if (member.isEmpty() || !store.removeGrant(accountId, organizationCode, systemId)) {
      return PermissionOutcome.refused(Refusal.NOT_FOUND);
    }
    record(clock.instant(), AuditKind.PERMISSION_REVOKED, actor, member.get(), clientAddress,
        organizationCode, "system " + systemId, "granted", "none");
    return PermissionOutcome.done(member.get());
  }

  // ---- 管理權限授權設定 ------------------------------------------------------------------------

  /** Who manages an organization: its HR officers and HR heads by role, and those granted the right. */
  public PermissionOutcome<List<Holder>> managers(Account actor, String organizationCode) {
    if (!manages(actor, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    List<Holder> out = new ArrayList<>();
    for (long id : store.hrAccountsOf(organizationCode)) {
      member(id).ifPresent(m -> out.add(new Holder(m, new Right(organizationCode, null, Right.Source.ROLE, null),
          null, null)));
    }
    for (ManagerRight r : store.managersOf(organizationCode)) {
      member(r.accountId()).ifPresent(m -> out.add(new Holder(m,
          new Right(organizationCode, null, Right.Source.GRANT, null), r.grantedAt(), r.grantedBy())));
    }
    return PermissionOutcome.done(out);
  }

  /** Gives the manager right of the organization to a person of it. */
  public PermissionOutcome<Holder> grantManager(Account actor, String organizationCode, String person,
      String clientAddress) {
    Optional<Refusal> refusal = checkManager(actor, organizationCode, null);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    PermissionOutcome<Named> found = namedIn(person, organizationCode);
    if (found instanceof PermissionOutcome.Refused<Named> refused) {
      return PermissionOutcome.refused(refused.refusal());
    }
    Named grantee = ((PermissionOutcome.Done<Named>) found).value();
    Member member = grantee.member();
    Instant now = clock.instant();
    ManagerRight right = new ManagerRight(member.accountId(), organizationCode, now, actorName(actor));
    if (hrOf(grantee.account(), organizationCode) || !store.addManager(right)) {
      return PermissionOutcome.refused(Refusal.ALREADY_HELD);
    }
    record(now, AuditKind.MANAGER_GRANTED, actor, member, clientAddress, organizationCode,
        "manager right", "none", "granted");
    return PermissionOutcome.done(new Holder(member, new Right(organizationCode, null, Right.Source.GRANT,
        null), now, right.grantedBy()));
  }

  /** Takes back a granted manager right (not the HR role's); takes effect at once. */
  public PermissionOutcome<Member> revokeManager(Account actor, String organizationCode, long accountId,
      String clientAddress) {
    Optional<Refusal> refusal = checkManager(actor, organizationCode, null);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    Optional<Member> member = member(accountId);
    if (member.isEmpty() || !store.removeManager(accountId, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_FOUND);
    }
    record(clock.instant(), AuditKind.MANAGER_REVOKED, actor, member.get(), clientAddress, organizationCode,
        "manager right", "granted", "none");
    return PermissionOutcome.done(member.get());
  }

  // ---- 兼辦管理 --------------------------------------------------------------------------------

  /** The delegations of an organization's systems, newest first, with where each stands now. */
  public PermissionOutcome<List<DelegationEntry>> delegations(Account actor, String organizationCode) {
    if (!manages(actor, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    Instant now = clock.instant();
    List<DelegationEntry> out = new ArrayList<>();
    for (Delegation d : store.delegationsFrom(organizationCode)) {
      entry(d, now).ifPresent(out::add);
    }
    return PermissionOutcome.done(out);
  }

  /**
   * Delegates a right the actor holds itself on behalf of an organization to a person (by custom
   * account or identity number) from {@code startDate} to {@code endDate}, both inclusive.
   */
  public PermissionOutcome<DelegationEntry> delegate(Account actor, String organizationCode, String person,
      String systemId, LocalDate startDate, LocalDate endDate, String clientAddress) {
    if (!catalogue.exists(systemId)) {
      return PermissionOutcome.refused(Refusal.UNKNOWN_SYSTEM);
    }
    if (organizationCode == null || people.organization(organizationCode).isEmpty()) {
      return PermissionOutcome.refused(Refusal.UNKNOWN_ORGANIZATION);
    }
    Instant now = clock.instant();
    if (!holdsOwn(actor, organizationCode, systemId)) {
      boolean delegated = delegatedRights(actor, now).stream()
          .anyMatch(r -> r.organizationCode().equals(organizationCode) && r.systemId().equals(systemId));
      if (delegated) {
        return PermissionOutcome.refused(Refusal.DELEGATED_ONLY);
      }
      return PermissionOutcome.refused(manages(actor, organizationCode) ? Refusal.NOT_HELD : Refusal.NOT_MANAGER);
    }
    if (!manages(actor, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    if (startDate == null || endDate == null || endDate.isBefore(startDate)) {
      return PermissionOutcome.refused(Refusal.BAD_PERIOD);
    }
    if (endDate.isBefore(LocalDate.ofInstant(now, Delegation.TAIPEI))) {
      return PermissionOutcome.refused(Refusal.PERIOD_PAST);
    }
    Optional<Member> member = named(person).map(Named::member);
    if (member.isEmpty()) {
      return PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND);
    }
    if (member.get().accountId() == actor.id()) {
      return PermissionOutcome.refused(Refusal.SELF);
    }
    Delegation stored = store.addDelegation(new Delegation(0, organizationCode, actor.id(), member.get().accountId(),
        systemId, startDate, endDate, now, actorName(actor), null, null));
    record(now, AuditKind.DELEGATION_CREATED, actor, member.get(), clientAddress, organizationCode,
        "delegation #" + stored.id() + " system " + systemId + " " + startDate + ".." + endDate, "none", "delegated");
    return PermissionOutcome.done(entry(stored, now).orElseThrow());
  }

  /**
   * Revokes a delegation at once; a manager of its organization or its delegator may. The delegate
   * loses the right from this moment.
   */
  public PermissionOutcome<DelegationEntry> revokeDelegation(Account actor, long id, String clientAddress) {
    Optional<Delegation> found = store.delegation(id);
    if (found.isEmpty()) {
      return PermissionOutcome.refused(Refusal.NOT_FOUND);
    }
    Delegation d = found.get();
    if (!manages(actor, d.organizationCode()) && d.delegatorAccountId() != actor.id()) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String before = d.statusAt(now).name().toLowerCase(java.util.Locale.ROOT);
    if (d.revokedAt() != null || !store.revokeDelegation(id, now, actorName(actor))) {
      return PermissionOutcome.refused(Refusal.ALREADY_REVOKED);
    }
    Delegation revoked = store.delegation(id).orElseThrow();
    // The database may round the instant up to its precision: read the status at the stored moment.
    Optional<DelegationEntry> entry = entry(revoked, revoked.revokedAt().isAfter(now) ? revoked.revokedAt() : now);
    record(now, AuditKind.DELEGATION_REVOKED, actor, entry.map(DelegationEntry::delegate).orElse(null),
        clientAddress, d.organizationCode(), "delegation #" + id + " system " + d.systemId(), before, "revoked");
    return entry.<PermissionOutcome<DelegationEntry>>map(PermissionOutcome::done)
        .orElseGet(() -> PermissionOutcome.refused(Refusal.NOT_FOUND));
  }

  // ---- 進階搜尋 --------------------------------------------------------------------------------

  /**
   * 查詢人員自訂帳號: the person and custom account behind a custom account or identity number, among
   * the people of the organizations the actor manages.
   */
  public PermissionOutcome<Member> findPerson(Account actor, String person) {
    Set<String> managed = managedOrganizations(actor);
    if (managed.isEmpty()) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    return named(person).map(Named::member)
        .filter(m -> managed.contains(m.organizationCode()))
        .<PermissionOutcome<Member>>map(PermissionOutcome::done)
        .orElseGet(() -> PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND));
  }

  /** 可用應用系統查詢: the systems a person of a managed organization holds itself (role and grants). */
  public PermissionOutcome<PersonRights> availableSystems(Account actor, String person) {
    return findPerson(actor, person).fold(
        m -> PermissionOutcome.done(new PersonRights(m, ownRights(accounts.byId(m.accountId()).orElseThrow()))),
        PermissionOutcome::refused);
  }

  /**
   * 可用兼辦應用系統查詢: the delegated systems a person may use now. A manager of the person's
   * organization sees them all; a manager of other organizations sees those its organizations lent.
   */
  public PermissionOutcome<PersonRights> availableDelegatedSystems(Account actor, String person) {
    Set<String> managed = managedOrganizations(actor);
    if (managed.isEmpty()) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    Optional<Named> named = named(person);
    if (named.isEmpty()) {
      return PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND);
    }
    Member member = named.get().member();
    boolean all = managed.contains(member.organizationCode());
    List<Right> rights = delegatedRights(named.get().account(), clock.instant()).stream()
        .filter(r -> all || managed.contains(r.organizationCode())).toList();
    if (!all && rights.isEmpty()) {
      return PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND);
    }
    return PermissionOutcome.done(new PersonRights(member, rights));
  }

  /** 應用系統權限查詢: who holds a system within an organization itself (role and grants). */
  public PermissionOutcome<List<Holder>> systemHolders(Account actor, String organizationCode, String systemId) {
    Optional<Refusal> refusal = checkManager(actor, organizationCode, systemId);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    List<Holder> out = new ArrayList<>();
    if (catalogue.find(systemId).orElseThrow().hrFunction()) {
      for (long id : store.hrAccountsOf(organizationCode)) {
        member(id).ifPresent(m -> out.add(new Holder(m, new Right(organizationCode, systemId, Right.Source.ROLE,
            null), null, null)));
      }
    }
    for (Grant g : store.grantsIn(organizationCode)) {
      if (g.systemId().equals(systemId) && out.stream().noneMatch(h -> h.member().accountId() == g.accountId())) {
        member(g.accountId()).ifPresent(m -> out.add(new Holder(m, new Right(organizationCode, systemId,
            Right.Source.GRANT, null), g.grantedAt(), g.grantedBy())));
      }
    }
    return PermissionOutcome.done(out);
  }

  /** 兼辦應用系統權限查詢: who may use an organization's system now through a delegation. */
  public PermissionOutcome<List<Holder>> delegatedSystemHolders(Account actor, String organizationCode,
      String systemId) {
    Optional<Refusal> refusal = checkManager(actor, organizationCode, systemId);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    Instant now = clock.instant();
    List<Holder> out = new ArrayList<>();
    for (Delegation d : store.delegationsFrom(organizationCode)) {
      if (d.systemId().equals(systemId) && effective(d, now)) {
        member(d.delegateAccountId()).ifPresent(m -> out.add(new Holder(m,
            new Right(organizationCode, systemId, Right.Source.DELEGATION, d), d.createdAt(), d.createdBy())));
      }
    }
    out.sort(Comparator.comparing(h -> h.right().delegation().endDate()));
    return PermissionOutcome.done(out);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private Optional<Refusal> checkManager(Account actor, String organizationCode, String systemId) {
    if (systemId != null && !catalogue.exists(systemId)) {
      return Optional.of(Refusal.UNKNOWN_SYSTEM);
    }
    if (organizationCode == null || people.organization(organizationCode).isEmpty()) {
      return Optional.of(Refusal.UNKNOWN_ORGANIZATION);
    }
    return manages(actor, organizationCode) ? Optional.empty() : Optional.of(Refusal.NOT_MANAGER);
  }

  /** An account with the person it belongs to. */
  private record Named(Account account, Member member) {}

  /** The account a custom account or identity number names, with its person; empty when either is unknown. */
  private Optional<Named> named(String login) {
    return accounts.byLogin(login).flatMap(a -> member(a.id()).map(m -> new Named(a, m)));
  }

  /** The person a login names within the organization, or why not: unknown, or of another organization. */
  private PermissionOutcome<Named> namedIn(String login, String organizationCode) {
    Optional<Named> named = named(login);
    if (named.isEmpty()) {
      return PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND);
    }
    if (!named.get().member().organizationCode().equals(organizationCode)) {
      return PermissionOutcome.refused(Refusal.OUTSIDE_ORGANIZATION);
    }
    return PermissionOutcome.done(named.get());
  }

  private Optional<Member> member(long accountId) {
    return accounts.byId(accountId).flatMap(a -> people.find(a.idNumber()).map(p ->
        new Member(a.id(), a.customAccount(), a.idNumber().masked(), p.name(), p.organizationCode())));
  }

  private Optional<DelegationEntry> entry(Delegation d, Instant now) {
    Optional<Member> delegator = member(d.delegatorAccountId());
    Optional<Member> delegate = member(d.delegateAccountId());
    if (delegator.isEmpty() || delegate.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DelegationEntry(d, delegator.get(), delegate.get(), d.statusAt(now)));
  }

  /** The name the audit log records for an actor: the custom account, or the masked identity number. */
  static String actorName(Account actor) {
    return actor.custom().orElse(actor.idNumber().masked());
  }

  private void record(Instant at, AuditKind kind, Account actor, Member target, String clientAddress,
      String organizationCode, String what, String before, String after) {
    audit.record(new AuditEvent(at, kind, actorName(actor), target == null ? null : target.maskedId(), clientAddress,
        "on behalf of " + organizationCode + ": " + what + "; before: " + before + "; after: " + after));
  }
}

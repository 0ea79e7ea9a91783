package tw.ecpa.portal.permission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;

/**
 * What an account holds: the organizations it manages (its HR role there, or 管理權限), its own rights
 * (an HR function by its role, and grants) and the delegations that have effect at a moment. A
 * delegation never gives more than its delegator holds itself.
 */
final class EffectiveRights {

  private static final Set<Role> HR_ROLES = Set.of(Role.HR_OFFICER, Role.HR_HEAD);

  private final PermissionStore store;
  private final SystemCatalogue catalogue;
  private final Accounts accounts;
  private final People people;

  EffectiveRights(PermissionStore store, SystemCatalogue catalogue, Accounts accounts, People people) {
    this.store = store;
    this.catalogue = catalogue;
    this.accounts = accounts;
    this.people = people;
  }

  /** The organization the account's person serves in, if the person is known. */
  Optional<String> organizationOf(Account account) {
    return people.find(account.idNumber()).map(Person::organizationCode);
  }

  /** Whether the account has an HR role in the organization it serves in, and that is this one. */
  boolean hrOf(Account account, String organizationCode) {
    return account.roles().stream().anyMatch(HR_ROLES::contains)
        && organizationOf(account).filter(organizationCode::equals).isPresent();
  }

  /** Whether the account manages the organization's permissions (its HR role there, or 管理權限). */
  boolean manages(Account account, String organizationCode) {
    return organizationCode != null && (hrOf(account, organizationCode)
        || store.managedBy(account.id()).stream().anyMatch(m -> m.organizationCode().equals(organizationCode)));
  }

  /** The organizations whose permissions the account manages. */
  Set<String> managedOrganizations(Account account) {
    Set<String> out = new LinkedHashSet<>();
    if (account.roles().stream().anyMatch(HR_ROLES::contains)) {
      organizationOf(account).ifPresent(out::add);
    }
    store.managedBy(account.id()).forEach(m -> out.add(m.organizationCode()));
    return out;
  }

  /** The rights the account holds itself, by its role and by grants; never delegated ones. */
  List<Right> ownRights(Account account) {
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

  /** Whether the account holds a system of an organization itself (role or grant). */
  boolean holdsOwn(Account account, String organizationCode, String systemId) {
    return ownRights(account).stream()
        .anyMatch(r -> r.organizationCode().equals(organizationCode) && r.systemId().equals(systemId));
  }

  /**
   * Whether a delegation has effect at a moment: in its period, not revoked, and its delegator still
   * holds the right itself (a delegation never gives more than the delegator has).
   */
  boolean effective(Delegation d, Instant at) {
    return d.activeAt(at) && accounts.byId(d.delegatorAccountId())
        .filter(delegator -> holdsOwn(delegator, d.organizationCode(), d.systemId())).isPresent();
  }

  /** The rights the account holds through delegations that have effect at this moment. */
  List<Right> delegatedRights(Account account, Instant at) {
    return store.delegationsTo(account.id()).stream().filter(d -> effective(d, at))
        .map(d -> new Right(d.organizationCode(), d.systemId(), Right.Source.DELEGATION, d)).toList();
  }

  /** The account's effective rights at a moment: its own and its effective delegations. */
  List<Right> rightsAt(Account account, Instant at) {
    List<Right> out = new ArrayList<>(ownRights(account));
    out.addAll(delegatedRights(account, at));
    return out;
  }
}

package tw.ecpa.portal.permission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.permission.PermissionDirectory.Named;

/**
 * 進階搜尋 for managers: a person's custom account, the systems a person holds itself or through
 * delegations, and who holds a system of an organization, itself or through delegations.
 */
final class PermissionSearch {

  private final PermissionStore store;
  private final SystemCatalogue catalogue;
  private final Accounts accounts;
  private final EffectiveRights rights;
  private final PermissionDirectory directory;
  private final Clock clock;

  PermissionSearch(PermissionStore store, SystemCatalogue catalogue, Accounts accounts, EffectiveRights rights,
      PermissionDirectory directory, Clock clock) {
    this.store = store;
    this.catalogue = catalogue;
    this.accounts = accounts;
    this.rights = rights;
    this.directory = directory;
    this.clock = clock;
  }

  PermissionOutcome<Member> findPerson(Account actor, String person) {
    Set<String> managed = rights.managedOrganizations(actor);
    if (managed.isEmpty()) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    return directory.named(person).map(Named::member)
        .filter(m -> managed.contains(m.organizationCode()))
        .<PermissionOutcome<Member>>map(PermissionOutcome::done)
        .orElseGet(() -> PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND));
  }

  PermissionOutcome<PersonRights> availableSystems(Account actor, String person) {
    return findPerson(actor, person).fold(
        m -> PermissionOutcome.done(new PersonRights(m, rights.ownRights(accounts.byId(m.accountId()).orElseThrow()))),
        PermissionOutcome::refused);
  }

  PermissionOutcome<PersonRights> availableDelegatedSystems(Account actor, String person) {
    Set<String> managed = rights.managedOrganizations(actor);
    if (managed.isEmpty()) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    Optional<Named> named = directory.named(person);
    if (named.isEmpty()) {
      return PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND);
    }
    Member member = named.get().member();
    boolean all = managed.contains(member.organizationCode());
    List<Right> delegated = rights.delegatedRights(named.get().account(), clock.instant()).stream()
        .filter(r -> all || managed.contains(r.organizationCode())).toList();
    if (!all && delegated.isEmpty()) {
      return PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND);
    }
    return PermissionOutcome.done(new PersonRights(member, delegated));
  }

  PermissionOutcome<List<Holder>> systemHolders(Account actor, String organizationCode, String systemId) {
    Optional<Refusal> refusal = directory.checkManager(actor, organizationCode, systemId);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    List<Holder> out = new ArrayList<>();
    if (catalogue.find(systemId).orElseThrow().hrFunction()) {
      for (long id : store.hrAccountsOf(organizationCode)) {
        directory.member(id).ifPresent(m -> out.add(new Holder(m,
            new Right(organizationCode, systemId, Right.Source.ROLE, null), null, null)));
      }
    }
    for (Grant g : store.grantsIn(organizationCode)) {
      if (g.systemId().equals(systemId) && out.stream().noneMatch(h -> h.member().accountId() == g.accountId())) {
        directory.member(g.accountId()).ifPresent(m -> out.add(new Holder(m, new Right(organizationCode, systemId,
            Right.Source.GRANT, null), g.grantedAt(), g.grantedBy())));
      }
    }
    return PermissionOutcome.done(out);
  }

  PermissionOutcome<List<Holder>> delegatedSystemHolders(Account actor, String organizationCode, String systemId) {
    Optional<Refusal> refusal = directory.checkManager(actor, organizationCode, systemId);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    Instant now = clock.instant();
    List<Holder> out = new ArrayList<>();
    for (Delegation d : store.delegationsFrom(organizationCode)) {
      if (d.systemId().equals(systemId) && rights.effective(d, now)) {
        directory.member(d.delegateAccountId()).ifPresent(m -> out.add(new Holder(m,
            new Right(organizationCode, systemId, Right.Source.DELEGATION, d), d.createdAt(), d.createdBy())));
      }
    }
    out.sort(Comparator.comparing(h -> h.right().delegation().endDate()));
    return PermissionOutcome.done(out);
  }
}

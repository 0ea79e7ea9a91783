package tw.ecpa.portal.permission;

import java.time.Instant;
import java.util.Optional;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.people.People;

/**
 * Finds the people permissions are about: the account and person a custom account or identity number
 * names, a delegation's two sides, and whether an actor may manage an organization's permissions at
 * all (a known system, a known organization, and 管理權限 there).
 */
final class PermissionDirectory {

  private final SystemCatalogue catalogue;
  private final Accounts accounts;
  private final People people;
  private final EffectiveRights rights;

  PermissionDirectory(SystemCatalogue catalogue, Accounts accounts, People people, EffectiveRights rights) {
    this.catalogue = catalogue;
    this.accounts = accounts;
    this.people = people;
    this.rights = rights;
  }

  /** An account with the person it belongs to. */
  record Named(Account account, Member member) {}

  /** Whether the organization exists; {@code null} names none. */
  boolean knownOrganization(String organizationCode) {
    return organizationCode != null && people.organization(organizationCode).isPresent();
  }

  /**
   * Why the actor may not manage this system ({@code null} for the manager right) of the organization:
   * an unknown system, an unknown organization, or no 管理權限 there; empty when it may.
   */
  Optional<Refusal> checkManager(Account actor, String organizationCode, String systemId) {
    if (systemId != null && !catalogue.exists(systemId)) {
      return Optional.of(Refusal.UNKNOWN_SYSTEM);
    }
    if (!knownOrganization(organizationCode)) {
      return Optional.of(Refusal.UNKNOWN_ORGANIZATION);
    }
    return rights.manages(actor, organizationCode) ? Optional.empty() : Optional.of(Refusal.NOT_MANAGER);
  }

  /** The account a custom account or identity number names, with its person; empty when either is unknown. */
  Optional<Named> named(String login) {
    return accounts.byLogin(login).flatMap(a -> member(a.id()).map(m -> new Named(a, m)));
  }

  /** The person a login names within the organization, or why not: unknown, or of another organization. */
  PermissionOutcome<Named> namedIn(String login, String organizationCode) {
    Optional<Named> named = named(login);
    if (named.isEmpty()) {
      return PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND);
    }
    if (!named.get().member().organizationCode().equals(organizationCode)) {
      return PermissionOutcome.refused(Refusal.OUTSIDE_ORGANIZATION);
    }
    return PermissionOutcome.done(named.get());
  }

  /** The account with its person, as the pages show it; empty when either is unknown. */
  Optional<Member> member(long accountId) {
    return accounts.byId(accountId).flatMap(a -> people.find(a.idNumber()).map(p ->
        new Member(a.id(), a.customAccount(), a.idNumber().masked(), p.name(), p.organizationCode())));
  }

  /** A delegation with both its sides and where it stands at a moment; empty when a side is unknown. */
  Optional<DelegationEntry> entry(Delegation d, Instant now) {
    Optional<Member> delegator = member(d.delegatorAccountId());
    Optional<Member> delegate = member(d.delegateAccountId());
    if (delegator.isEmpty() || delegate.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DelegationEntry(d, delegator.get(), delegate.get(), d.statusAt(now)));
  }
}

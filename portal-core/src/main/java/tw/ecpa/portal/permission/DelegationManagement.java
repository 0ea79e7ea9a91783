package tw.ecpa.portal.permission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.permission.PermissionDirectory.Named;

/**
 * 兼辦管理: a manager who holds a right itself lends it to another person for a period of days,
 * inclusive, in Taiwan time; a manager of the organization or the delegator revokes it at once. What
 * one holds only by delegation cannot be delegated further. Every change is audited.
 */
final class DelegationManagement {

  private final PermissionStore store;
  private final SystemCatalogue catalogue;
  private final EffectiveRights rights;
  private final PermissionDirectory directory;
  private final PermissionAudit audit;
  private final Clock clock;

  DelegationManagement(PermissionStore store, SystemCatalogue catalogue, EffectiveRights rights,
      PermissionDirectory directory, PermissionAudit audit, Clock clock) {
    this.store = store;
    this.catalogue = catalogue;
    this.rights = rights;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  PermissionOutcome<List<DelegationEntry>> delegations(Account actor, String organizationCode) {
    if (!rights.manages(actor, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    Instant now = clock.instant();
    List<DelegationEntry> out = new ArrayList<>();
    for (Delegation d : store.delegationsFrom(organizationCode)) {
      directory.entry(d, now).ifPresent(out::add);
    }
    return PermissionOutcome.done(out);
  }

  PermissionOutcome<DelegationEntry> delegate(Account actor, String organizationCode, String person,
      String systemId, LocalDate startDate, LocalDate endDate, String clientAddress) {
    if (!catalogue.exists(systemId)) {
      return PermissionOutcome.refused(Refusal.UNKNOWN_SYSTEM);
    }
    if (!directory.knownOrganization(organizationCode)) {
      return PermissionOutcome.refused(Refusal.UNKNOWN_ORGANIZATION);
    }
    Instant now = clock.instant();
    if (!rights.holdsOwn(actor, organizationCode, systemId)) {
      boolean delegated = rights.delegatedRights(actor, now).stream()
          .anyMatch(r -> r.organizationCode().equals(organizationCode) && r.systemId().equals(systemId));
      if (delegated) {
        return PermissionOutcome.refused(Refusal.DELEGATED_ONLY);
      }
      return PermissionOutcome.refused(rights.manages(actor, organizationCode) ? Refusal.NOT_HELD
          : Refusal.NOT_MANAGER);
    }
    if (!rights.manages(actor, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    if (startDate == null || endDate == null || endDate.isBefore(startDate)) {
      return PermissionOutcome.refused(Refusal.BAD_PERIOD);
    }
    if (endDate.isBefore(LocalDate.ofInstant(now, Delegation.TAIPEI))) {
      return PermissionOutcome.refused(Refusal.PERIOD_PAST);
    }
    Optional<Member> member = directory.named(person).map(Named::member);
    if (member.isEmpty()) {
      return PermissionOutcome.refused(Refusal.PERSON_NOT_FOUND);
    }
    if (member.get().accountId() == actor.id()) {
      return PermissionOutcome.refused(Refusal.SELF);
    }
    Delegation stored = store.addDelegation(new Delegation(0, organizationCode, actor.id(), member.get().accountId(),
        systemId, startDate, endDate, now, PermissionAudit.actorName(actor), null, null));
    audit.record(now, AuditKind.DELEGATION_CREATED, actor, member.get(), clientAddress, organizationCode,
        "delegation #" + stored.id() + " system " + systemId + " " + startDate + ".." + endDate, "none", "delegated");
    return PermissionOutcome.done(directory.entry(stored, now).orElseThrow());
  }

  PermissionOutcome<DelegationEntry> revokeDelegation(Account actor, long id, String clientAddress) {
    Optional<Delegation> found = store.delegation(id);
    if (found.isEmpty()) {
      return PermissionOutcome.refused(Refusal.NOT_FOUND);
    }
    Delegation d = found.get();
    if (!rights.manages(actor, d.organizationCode()) && d.delegatorAccountId() != actor.id()) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String before = d.statusAt(now).name().toLowerCase(Locale.ROOT);
    if (d.revokedAt() != null || !store.revokeDelegation(id, now, PermissionAudit.actorName(actor))) {
      return PermissionOutcome.refused(Refusal.ALREADY_REVOKED);
    }
    Delegation revoked = store.delegation(id).orElseThrow();
    // The database may round the instant up to its precision: read the status at the stored moment.
    Optional<DelegationEntry> entry = directory.entry(revoked,
        revoked.revokedAt().isAfter(now) ? revoked.revokedAt() : now);
    audit.record(now, AuditKind.DELEGATION_REVOKED, actor, entry.map(DelegationEntry::delegate).orElse(null),
        clientAddress, d.organizationCode(), "delegation #" + id + " system " + d.systemId(), before, "revoked");
    return entry.<PermissionOutcome<DelegationEntry>>map(PermissionOutcome::done)
        .orElseGet(() -> PermissionOutcome.refused(Refusal.NOT_FOUND));
  }
}

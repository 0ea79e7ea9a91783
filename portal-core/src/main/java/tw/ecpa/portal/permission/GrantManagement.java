package tw.ecpa.portal.permission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.permission.PermissionDirectory.Named;

/**
 * 應用系統授權設定 and 管理權限授權設定: a manager of an organization grants and revokes its systems for
 * its people, and gives or takes back the manager right of the organization. Every change is audited.
 */
final class GrantManagement {

  private final PermissionStore store;
  private final EffectiveRights rights;
  private final PermissionDirectory directory;
  private final PermissionAudit audit;
  private final Clock clock;

  GrantManagement(PermissionStore store, EffectiveRights rights, PermissionDirectory directory,
      PermissionAudit audit, Clock clock) {
    this.store = store;
    this.rights = rights;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  // ---- 應用系統授權設定 ------------------------------------------------------------------------

  PermissionOutcome<List<Holder>> grants(Account actor, String organizationCode) {
    if (!rights.manages(actor, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    List<Holder> out = new ArrayList<>();
    for (Grant g : store.grantsIn(organizationCode)) {
      directory.member(g.accountId()).ifPresent(m -> out.add(new Holder(m,
          new Right(g.organizationCode(), g.systemId(), Right.Source.GRANT, null), g.grantedAt(), g.grantedBy())));
    }
    return PermissionOutcome.done(out);
  }

  PermissionOutcome<Holder> grant(Account actor, String organizationCode, String person, String systemId,
      String clientAddress) {
    Optional<Refusal> refusal = directory.checkManager(actor, organizationCode, systemId);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    PermissionOutcome<Named> found = directory.namedIn(person, organizationCode);
    if (found instanceof PermissionOutcome.Refused<Named> refused) {
      return PermissionOutcome.refused(refused.refusal());
    }
    Member member = ((PermissionOutcome.Done<Named>) found).value().member();
    Instant now = clock.instant();
    Grant grant = new Grant(member.accountId(), organizationCode, systemId, now, PermissionAudit.actorName(actor));
    if (!store.addGrant(grant)) {
      return PermissionOutcome.refused(Refusal.ALREADY_HELD);
    }
    audit.record(now, AuditKind.PERMISSION_GRANTED, actor, member, clientAddress,
        organizationCode, "system " + systemId, "none", "granted");
    return PermissionOutcome.done(new Holder(member,
        new Right(organizationCode, systemId, Right.Source.GRANT, null), now, grant.grantedBy()));
  }

  PermissionOutcome<Member> revoke(Account actor, String organizationCode, long accountId, String systemId,
      String clientAddress) {
    Optional<Refusal> refusal = directory.checkManager(actor, organizationCode, systemId);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    Optional<Member> member = directory.member(accountId);
    if (member.isEmpty() || !store.removeGrant(accountId, organizationCode, systemId)) {
      return PermissionOutcome.refused(Refusal.NOT_FOUND);
    }
    audit.record(clock.instant(), AuditKind.PERMISSION_REVOKED, actor, member.get(), clientAddress,
        organizationCode, "system " + systemId, "granted", "none");
    return PermissionOutcome.done(member.get());
  }

  // ---- 管理權限授權設定 ------------------------------------------------------------------------

  PermissionOutcome<List<Holder>> managers(Account actor, String organizationCode) {
    if (!rights.manages(actor, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_MANAGER);
    }
    List<Holder> out = new ArrayList<>();
    for (long id : store.hrAccountsOf(organizationCode)) {
      directory.member(id).ifPresent(m -> out.add(new Holder(m,
          new Right(organizationCode, null, Right.Source.ROLE, null), null, null)));
    }
    for (ManagerRight r : store.managersOf(organizationCode)) {
      directory.member(r.accountId()).ifPresent(m -> out.add(new Holder(m,
          new Right(organizationCode, null, Right.Source.GRANT, null), r.grantedAt(), r.grantedBy())));
    }
    return PermissionOutcome.done(out);
  }

  PermissionOutcome<Holder> grantManager(Account actor, String organizationCode, String person,
      String clientAddress) {
    Optional<Refusal> refusal = directory.checkManager(actor, organizationCode, null);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    PermissionOutcome<Named> found = directory.namedIn(person, organizationCode);
    if (found instanceof PermissionOutcome.Refused<Named> refused) {
      return PermissionOutcome.refused(refused.refusal());
    }
    Named grantee = ((PermissionOutcome.Done<Named>) found).value();
    Member member = grantee.member();
    Instant now = clock.instant();
    ManagerRight right = new ManagerRight(member.accountId(), organizationCode, now, PermissionAudit.actorName(actor));
    if (rights.hrOf(grantee.account(), organizationCode) || !store.addManager(right)) {
      return PermissionOutcome.refused(Refusal.ALREADY_HELD);
    }
    audit.record(now, AuditKind.MANAGER_GRANTED, actor, member, clientAddress, organizationCode,
        "manager right", "none", "granted");
    return PermissionOutcome.done(new Holder(member, new Right(organizationCode, null, Right.Source.GRANT,
        null), now, right.grantedBy()));
  }

  PermissionOutcome<Member> revokeManager(Account actor, String organizationCode, long accountId,
      String clientAddress) {
    Optional<Refusal> refusal = directory.checkManager(actor, organizationCode, null);
    if (refusal.isPresent()) {
      return PermissionOutcome.refused(refusal.get());
    }
    Optional<Member> member = directory.member(accountId);
    if (member.isEmpty() || !store.removeManager(accountId, organizationCode)) {
      return PermissionOutcome.refused(Refusal.NOT_FOUND);
    }
    audit.record(clock.instant(), AuditKind.MANAGER_REVOKED, actor, member.get(), clientAddress, organizationCode,
        "manager right", "granted", "none");
    return PermissionOutcome.done(member.get());
  }
}

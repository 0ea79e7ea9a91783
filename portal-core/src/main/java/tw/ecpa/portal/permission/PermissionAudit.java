package tw.ecpa.portal.permission;

import java.time.Instant;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;

/** Writes every permission change to the audit log: the actor, on whose behalf, the right, before and after. */
final class PermissionAudit {

  private final AuditLog audit;

  PermissionAudit(AuditLog audit) {
    this.audit = audit;
  }

  /** The name the audit log records for an actor: the custom account, or the masked identity number. */
  static String actorName(Account actor) {
    return actor.custom().orElse(actor.idNumber().masked());
  }

  void record(Instant at, AuditKind kind, Account actor, Member target, String clientAddress,
      String organizationCode, String what, String before, String after) {
    audit.record(new AuditEvent(at, kind, actorName(actor), target == null ? null : target.maskedId(), clientAddress,
        "on behalf of " + organizationCode + ": " + what + "; before: " + before + "; after: " + after));
  }
}

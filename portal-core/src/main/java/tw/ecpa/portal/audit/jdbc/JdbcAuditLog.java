package tw.ecpa.portal.audit.jdbc;

import java.util.List;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;

/** The audit log in the portal's database. */
public final class JdbcAuditLog implements AuditLog {

  private final Jdbc jdbc;

  /** Creates the log over a migrated database. */
  public JdbcAuditLog(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public void record(AuditEvent e) {
    jdbc.update("INSERT INTO audit_event (occurred_at, kind, actor, target, client_address, detail)"
        + " VALUES (?, ?, ?, ?, ?, ?)", e.at(), e.kind().name(), e.actor(), e.target(), e.clientAddress(),
        e.detail());
  }

  @Override
  public List<AuditEvent> recent(int count) {
    return jdbc.list("SELECT * FROM audit_event ORDER BY occurred_at DESC, id DESC LIMIT ?",
        rs -> new AuditEvent(Jdbc.instant(rs, "occurred_at"), AuditKind.valueOf(rs.getString("kind")),
            rs.getString("actor"), rs.getString("target"), rs.getString("client_address"),
            rs.getString("detail")),
        count);
  }
}

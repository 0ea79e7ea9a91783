package tw.ecpa.portal.audit.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.session.http.SessionGuard.Access;
import tw.ecpa.portal.session.http.SessionGuard;

/** The security audit log for administrators: {@code GET /api/admin/audit?limit=100}, newest first. */
public final class AuditRoutes {

  /** The most events one request lists. */
  public static final int MAX_LIMIT = 1000;

  private final AuditLog audit;
  private final SessionGuard guard;

  /** Creates the routes over the log. */
  public AuditRoutes(AuditLog audit, SessionGuard guard) {
    this.audit = audit;
    this.guard = guard;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.get("/api/admin/audit", this::list);
  }

  void list(Context ctx) {
    guard.require(ctx, Access.READ, Role.ADMINISTRATOR);
    String limitParam = ctx.queryParam("limit");
    int limit = 100;
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw PortalError.badRequest("limit 請輸入 1 至 " + MAX_LIMIT + " 之間的整數。");
      }
    }
    ctx.json(audit.recent(limit).stream().map(AuditRoutes::event).toList());
  }

  private static Map<String, Object> event(AuditEvent e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", e.at().toString());
    out.put("kind", e.kind().name());
    out.put("actor", e.actor());
    out.put("target", e.target());
    out.put("clientAddress", e.clientAddress());
    out.put("detail", e.detail());
    return out;
  }
}

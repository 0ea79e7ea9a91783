package tw.ecpa.bot.server;

import io.javalin.Javalin;
import java.time.Clock;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.demo.PermissionDemoData;
import tw.ecpa.portal.hr.HrPasswordReset;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.http.SessionGuard;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.permission.Permissions;
import tw.ecpa.portal.permission.SystemCatalogue;
import tw.ecpa.portal.permission.http.PermissionRoutes;
import tw.ecpa.portal.store.jdbc.Database;
import tw.ecpa.portal.store.jdbc.JdbcPermissionStore;

/**
 * 權限與兼辦管理 in the composition root: builds the permission store and service, loads the demo grants,
 * makes the HR password reset take its rights from the permission model (the HR roles keep theirs by
 * default; delegates gain them for their period), and registers the routes.
 */
final class PermissionsModule {

  private PermissionsModule() {}

  /** Builds the feature and registers its routes; returns the service. */
  static Permissions register(Javalin app, PortalHttp http, SessionGuard guard, Settings settings, Database database,
      People people, Accounts accounts, AuditLog audit, HrPasswordReset hrReset, Clock clock) {
    JdbcPermissionStore store = new JdbcPermissionStore(database);
    if (settings.demoData()) {
      PermissionDemoData.load(store, accounts, clock);
    }
    Permissions permissions = new Permissions(store, SystemCatalogue.builtIn(), accounts, people, audit, clock);
    hrReset.decideRightsBy(permissions);
    new PermissionRoutes(permissions, hrReset, people, guard, http).register(app);
    return permissions;
  }
}

package tw.ecpa.assistant;

import io.javalin.Javalin;
import java.time.Clock;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.demo.PermissionDemoData;
import tw.ecpa.portal.hr.HrPasswordReset;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.permission.Permissions;
import tw.ecpa.portal.permission.http.PermissionRoutes;
import tw.ecpa.portal.permission.jdbc.JdbcPermissionStore;
import tw.ecpa.portal.session.http.SessionGuard;

/**
 * 權限與兼辦管理 in the composition root: loads the demo grants and registers the routes of the permission
 * service, which the portal builds (the HR password reset takes its rights from it: the HR roles keep
 * theirs by default; delegates gain them for their period).
 */
final class PermissionsModule {

  private PermissionsModule() {}

  /** Loads the demo grants when asked and registers the routes of the permission service. */
  static void register(Javalin app, PortalHttp http, SessionGuard guard, Settings settings, Database database,
      Permissions permissions, People people, Accounts accounts, HrPasswordReset hrReset, Clock clock) {
    if (settings.demoData()) {
      PermissionDemoData.load(new JdbcPermissionStore(database), accounts, clock);
    }
    new PermissionRoutes(permissions, hrReset, people, guard, http).register(app);
  }
}

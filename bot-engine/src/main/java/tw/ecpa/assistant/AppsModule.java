package tw.ecpa.assistant;

import io.javalin.Javalin;
import java.time.Clock;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.apps.ApplicationSystems;
import tw.ecpa.portal.apps.AppsDemoData;
import tw.ecpa.portal.apps.Catalogue;
import tw.ecpa.portal.apps.CatalogueFile;
import tw.ecpa.portal.apps.http.AppsRoutes;
import tw.ecpa.portal.apps.jdbc.JdbcFavourites;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.session.http.SessionGuard;

/** 應用系統, part of the composition root: the shipped catalogue, the favourites store, demo data, routes. */
final class AppsModule {

  private AppsModule() {}

  /** Builds the application systems over the database and registers their routes. */
  static void register(Javalin app, Database database, Accounts accounts, SessionGuard guard, Settings settings,
      Clock clock) {
    Catalogue catalogue = CatalogueFile.shipped();
    JdbcFavourites favourites = new JdbcFavourites(database);
    if (settings.demoData()) {
      AppsDemoData.load(accounts, catalogue, favourites, clock);
    }
    new AppsRoutes(new ApplicationSystems(catalogue, favourites, clock), guard).register(app);
  }
}

package tw.ecpa.portal.apps.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.List;
import tw.ecpa.portal.apps.AppSystem;
import tw.ecpa.portal.apps.ApplicationSystems.CategoryView;
import tw.ecpa.portal.apps.ApplicationSystems.FavouriteOutcome;
import tw.ecpa.portal.apps.ApplicationSystems.Listing;
import tw.ecpa.portal.apps.ApplicationSystems.SystemView;
import tw.ecpa.portal.apps.ApplicationSystems.Viewer;
import tw.ecpa.portal.apps.ApplicationSystems;
import tw.ecpa.portal.apps.Catalogue;
import tw.ecpa.portal.apps.Device;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.session.http.SessionGuard.Access;
import tw.ecpa.portal.session.http.SessionGuard;

/**
 * 應用系統 over HTTP: the caller's application systems by category with favourites and availability,
 * the keyword search, and the heart (PUT / DELETE a favourite). The device is read from the User-Agent
 * header, a hint the browser gives.
 */
public final class AppsRoutes {

  /** The seed's 簡易說明 under the list. */
  static final String NOTE = "點擊愛心圖示可以加入/取消常用；系統反灰表示不適用您現在之登入方式或裝置。";

  private final ApplicationSystems apps;
  private final SessionGuard guard;

  /** Creates the routes over the service. */
  public AppsRoutes(ApplicationSystems apps, SessionGuard guard) {
    this.apps = apps;
    this.guard = guard;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.get("/api/portal/apps", this::list);
    app.put("/api/portal/apps/favourites/{id}", ctx -> favourite(ctx, true));
    app.delete("/api/portal/apps/favourites/{id}", ctx -> favourite(ctx, false));
  }

  /** A system on the wire. */
  public record SystemJson(String id, String code, String name, String title, String category, String categoryName,
      List<String> keywords, String url, boolean favourite, boolean available, String reason,
      boolean mobileFriendly, List<String> loginMethods) {}

  /** A category on the wire. */
  public record CategoryJson(String code, String name, List<SystemJson> systems) {}

  /** The answer of {@code GET /api/portal/apps}. */
  public record AppsJson(String query, int count, String loginMethod, String device, String note,
      List<CategoryJson> categories, List<SystemJson> results) {}

  void list(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    String query = ctx.queryParam("q");
    if (query != null && query.length() > Catalogue.MAX_QUERY) {
      throw PortalError.badRequest("搜尋關鍵字請勿超過 " + Catalogue.MAX_QUERY + " 個字。");
    }
    Viewer viewer = viewer(ctx, caller);
    Listing listing = apps.search(viewer, query);
    List<CategoryJson> categories = listing.categories().stream().map(this::category).toList();
    List<SystemJson> results = listing.results().stream().map(this::system).toList();
    int count = listing.query().isEmpty()
        ? categories.stream().skip(1).mapToInt(c -> c.systems().size()).sum() : results.size();
    ctx.header(Header.VARY, Header.USER_AGENT);
    ctx.header(Header.CACHE_CONTROL, "no-store");
    ctx.json(new AppsJson(listing.query(), count, viewer.loginMethod(), viewer.device().name().toLowerCase(),
        NOTE, categories, results));
  }

  void favourite(Context ctx, boolean add) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE);
    String id = ctx.pathParam("id");
    Viewer viewer = viewer(ctx, caller);
    FavouriteOutcome outcome = add ? apps.favour(viewer, id) : apps.unfavour(viewer, id);
    if (outcome instanceof FavouriteOutcome.Done done) {
      ctx.json(system(done.system()));
    } else {
      throw new PortalError(404, "unknown-system", "查無此應用系統，請重新整理頁面後再試一次。");
    }
  }

  private static Viewer viewer(Context ctx, SessionGuard.Caller caller) {
    return new Viewer(caller.account().id(), caller.session().session().loginMethod(),
        Device.fromUserAgent(ctx.header(Header.USER_AGENT)));
  }

  private CategoryJson category(CategoryView view) {
    return new CategoryJson(view.category().code(), view.category().name(),
        view.systems().stream().map(this::system).toList());
  }

  private SystemJson system(SystemView view) {
    AppSystem s = view.system();
    return new SystemJson(s.id(), s.code(), s.name(), s.title(), s.category(),
        apps.catalogue().categoryOf(s).name(), s.keywords(), s.url(), view.favourite(),
        view.availability().available(), view.availability().reason(), s.mobileFriendly(),
        s.loginMethods().stream().sorted().toList());
  }
}

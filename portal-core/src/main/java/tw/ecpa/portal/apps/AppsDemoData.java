package tw.ecpa.portal.apps;

import java.time.Clock;
import java.util.List;
import tw.ecpa.portal.account.Accounts;

/**
 * The demo's favourites: the HR officer 張人事 (hrchang) has, besides the default set, the WebHR systems
 * an HR officer adds through the search (人事人員請善用搜尋功能加入我的最愛應用系統). Everyone else starts
 * with the default set on their first visit.
 */
public final class AppsDemoData {

  /** The systems added for the demo HR officer. */
  static final List<String> HR_OFFICER_EXTRAS = List.of("webhr", "webhrohr");

  private AppsDemoData() {}

  /** Gives the demo HR officer their favourites, unless they have had favourites before. */
  public static void load(Accounts accounts, Catalogue catalogue, Favourites favourites, Clock clock) {
    accounts.byLogin("hrchang").ifPresent(account -> {
      if (favourites.seed(account.id(), catalogue.defaultFavourites(), clock.instant())) {
        HR_OFFICER_EXTRAS.forEach(id -> favourites.add(account.id(), catalogue.system(id).orElseThrow().id(),
            clock.instant()));
      }
    });
  }
}

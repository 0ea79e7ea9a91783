package tw.ecpa.portal.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.permission.Grant;
import tw.ecpa.portal.permission.PermissionStore;

/**
 * The demo grants of 權限與兼辦管理: the demo HR officer holds WebHR and 差勤 of 行政院人事行政總處 (so that
 * there is something to delegate besides 重設員工密碼), and 王小明 holds 差勤. No delegations: those are
 * what the demo is for.
 */
public final class PermissionDemoData {

  /** The demo grants: custom account, organization, system. */
  static final List<List<String>> GRANTS = List.of(
      List.of("hrchang", "376480000A", "webhr"),
      List.of("hrchang", "376480000A", "attendance"),
      List.of("wangxm", "376480000A", "attendance"));

  private PermissionDemoData() {}

  /** Adds the demo grants where they are missing; call after {@link DemoData#load}. */
  public static void load(PermissionStore store, Accounts accounts, Clock clock) {
    Instant now = clock.instant();
    for (List<String> g : GRANTS) {
      accounts.byLogin(g.get(0)).ifPresent(a -> store.addGrant(new Grant(a.id(), g.get(1), g.get(2), now, "demo")));
    }
  }
}

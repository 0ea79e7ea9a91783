package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.portal.testing.MovableClock;

/**
 * 權限與兼辦管理 over real HTTP with the demo data: grants and revocations, the manager-only gate, the
 * five searches, and a delegated 重設員工密碼 across organizations (hrchang of 376480000A lends it to chouzm
 * of 376480100A) that works only inside its period and stops at once when revoked. The tests share one
 * server and its hand-moved clock; each logs in afresh after moving it, and neither depends on the other.
 */
class PermissionsApiTest {

  static final String HQ = "376480000A";
  static final String RESET = "hr.password-reset";
  static final String BASE = "/api/portal/permissions";
  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  static final MovableClock CLOCK = new MovableClock(MovableClock.WORKING_MORNING);
  // Its tests grant and delegate on the same demo people: a server of their own each.
  @RegisterExtension
  static final RunningServer server = new RunningServer().clock(CLOCK).freshForEachTest();

  static PortalClient loggedIn(String account, String password) {
    PortalClient client = new PortalClient(server);
    PortalClient.Reply login = client.login(account, password);
    assertEquals(200, login.status(), String.valueOf(login.body()));
    return client;
  }

  static PortalClient hrchang() {
    return loggedIn("hrchang", "Hr-Demo2026!");
  }

  static PortalClient chouzm() {
    return loggedIn("chouzm", "Chou-Demo2026!");
  }

  static List<String> texts(JsonNode array, String pointer) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.at(pointer).asText()));
    return out;
  }

  LocalDate today() {
    return LocalDate.ofInstant(CLOCK.instant(), TAIPEI);
  }

  PortalClient.Reply resetLin(PortalClient client) {
    return client.post("/api/hr/password-resets", Map.of("idNumber", "A220912344", "email", "lin.xh@mail.gov.tw"));
  }

  @Test
  void grants_managersOnly_andTheFiveSearches() {
    PortalClient hr = hrchang();
    JsonNode mine = hr.get(BASE + "/mine").body();
    assertEquals(List.of(HQ), texts(mine.get("managedOrganizations"), "/code"));
    assertEquals(List.of(HQ), texts(mine.get("resetOrganizations"), "/code"));

    PortalClient wang = loggedIn("wangxm", "Wang-Demo2026!");
    PortalClient.Reply refused = wang.get(BASE + "/grants?organization=" + HQ);
    assertEquals(403, refused.status());
    assertEquals("forbidden", refused.error());
    assertTrue(refused.body().get("message").asText().startsWith("您沒有管理此機關權限的權限"));
    assertEquals(403, wang.post(BASE + "/grants", Map.of("organization", HQ, "person", "wangxm", "system", "webhr"))
        .status());
    assertEquals(List.of(), texts(wang.get(BASE + "/mine").body().get("managedOrganizations"), "/code"));

    PortalClient.Reply granted = hr.post(BASE + "/grants",
        Map.of("organization", HQ, "person", "A123456789", "system", "webhr-psn"));
    assertEquals(201, granted.status(), String.valueOf(granted.body()));
    assertEquals("wangxm", granted.body().at("/member/account").asText());
    assertEquals("A1234*****", granted.body().at("/member/idNumber").asText());
    long wangId = granted.body().at("/member/accountId").asLong();
    assertEquals("already-granted", hr.post(BASE + "/grants",
        Map.of("organization", HQ, "person", "wangxm", "system", "webhr-psn")).error());
    assertEquals("other-organization", hr.post(BASE + "/grants",
        Map.of("organization", HQ, "person", "chouzm", "system", "webhr-psn")).error());
    assertEquals("unknown-system", hr.post(BASE + "/grants",
        Map.of("organization", HQ, "person", "wangxm", "system", "no-such")).error());
    assertEquals(400, hr.post(BASE + "/grants", Map.of("organization", HQ)).status());

    // 可用應用系統查詢 and 應用系統權限查詢 see the grant.
    JsonNode available = hr.post(BASE + "/searches/available-systems", Map.of("person", "wangxm")).body();
    assertEquals(List.of("attendance", "webhr-psn"), texts(available.get("rights"), "/system"));
    JsonNode holders = hr.get(BASE + "/searches/system-holders?organization=" + HQ + "&system=webhr-psn").body();
    assertEquals(List.of("wangxm"), texts(holders, "/member/account"));
    JsonNode resetHolders = hr.get(BASE + "/searches/system-holders?organization=" + HQ + "&system=" + RESET).body();
    assertEquals(List.of("hrchang"), texts(resetHolders, "/member/account"));
    assertEquals("ROLE", resetHolders.get(0).at("/right/source").asText());

    // 查詢人員自訂帳號: by identity number; never the full number back; other organizations stay hidden.
    PortalClient.Reply person = hr.post(BASE + "/searches/custom-account", Map.of("person", "A123456789"));
    assertEquals(200, person.status());
    assertEquals("wangxm", person.body().get("account").asText());
    assertEquals("王小明", person.body().get("name").asText());
    assertFalse(person.body().toString().contains("A123456789"));
    assertEquals("person-not-found", hr.post(BASE + "/searches/custom-account", Map.of("person", "chouzm")).error());

    PortalClient.Reply revoked = hr.post(BASE + "/grants/revoke",
        Map.of("organization", HQ, "accountId", wangId, "system", "webhr-psn"));
    assertEquals(200, revoked.status(), String.valueOf(revoked.body()));
    assertEquals(List.of("attendance"), texts(hr.post(BASE + "/searches/available-systems",
        Map.of("person", "wangxm")).body().get("rights"), "/system"));
    assertEquals("not-found", hr.post(BASE + "/grants/revoke",
        Map.of("organization", HQ, "accountId", wangId, "system", "webhr-psn")).error());

    // 管理權限授權設定: a granted manager may manage, until the right is taken back.
    PortalClient.Reply manager = hr.post(BASE + "/managers", Map.of("organization", HQ, "person", "wangxm"));
    assertEquals(201, manager.status(), String.valueOf(manager.body()));
    assertEquals(200, wang.get(BASE + "/grants?organization=" + HQ).status());
    assertEquals(List.of("ROLE", "GRANT"), texts(hr.get(BASE + "/managers?organization=" + HQ).body(), "/right/source"));
    assertEquals(200, hr.post(BASE + "/managers/revoke", Map.of("organization", HQ, "accountId", wangId)).status());
    assertEquals(403, wang.get(BASE + "/grants?organization=" + HQ).status());

    PortalClient admin = loggedIn("admin", "Admin-Demo2026!");
    JsonNode audit = admin.get("/api/admin/audit?limit=300").body();
    List<String> kinds = texts(audit, "/kind");
    assertTrue(kinds.containsAll(List.of("PERMISSION_GRANTED", "PERMISSION_REVOKED", "MANAGER_GRANTED",
        "MANAGER_REVOKED")), kinds.toString());
    for (JsonNode e : audit) {
      if (e.get("kind").asText().equals("PERMISSION_GRANTED") && e.get("detail").asText().contains("webhr-psn")) {
        assertEquals("hrchang", e.get("actor").asText());
        assertEquals("A1234*****", e.get("target").asText());
        assertEquals("on behalf of 376480000A: system webhr-psn; before: none; after: granted", e.get("detail").asText());
      }
    }
  }

  @Test
  void delegatedHrPasswordReset_acrossOrganizations_worksOnlyInsideThePeriod() {
    // The clock moves days here; sessions idle out after 20 minutes, so each step logs in afresh.
    PortalClient hr = hrchang();
    PortalClient chou = chouzm();
    assertEquals("forbidden", resetLin(chou).error(), "an employee of another organization, no delegation yet");
    LocalDate tomorrow = today().plusDays(1);

    PortalClient.Reply made = hr.post(BASE + "/delegations", Map.of("organization", HQ, "person", "chouzm",
        "system", RESET, "startDate", tomorrow.toString(), "endDate", tomorrow.toString()));
    assertEquals(201, made.status(), String.valueOf(made.body()));
    assertEquals("SCHEDULED", made.body().get("status").asText());
    assertEquals("未開始", made.body().get("statusText").asText());
    assertEquals("376480100A", made.body().at("/delegate/organization").asText());
    assertEquals("forbidden", resetLin(chou).error(), "the day before the start");
    assertEquals(List.of(), texts(hr.get(BASE + "/searches/delegated-system-holders?organization=" + HQ
        + "&system=" + RESET).body(), "/member/account"));

    CLOCK.advance(Duration.ofDays(1));
    hr = hrchang();
    chou = chouzm();
    assertEquals(List.of(HQ), texts(chou.get(BASE + "/mine").body().get("resetOrganizations"), "/code"));
    PortalClient.Reply reset = resetLin(chou);
    assertEquals(202, reset.status(), String.valueOf(reset.body()));
    JsonNode mail = chou.awaitMail("lin.xh@mail.gov.tw", 1);
    assertTrue(mail.get("text").asText().contains("行政院人事行政總處 機關的 周志明"), mail.toString());
    assertEquals(List.of("chouzm"), texts(hr.get(BASE + "/searches/delegated-system-holders?organization=" + HQ
        + "&system=" + RESET).body(), "/member/account"));
    JsonNode delegated = hr.post(BASE + "/searches/available-delegated-systems", Map.of("person", "chouzm")).body();
    assertEquals(List.of(RESET), texts(delegated.get("rights"), "/system"));
    assertEquals(List.of("DELEGATION"), texts(delegated.get("rights"), "/source"));
    assertEquals(List.of("兼辦中"), texts(hr.get(BASE + "/delegations?organization=" + HQ).body(), "/statusText"));
    // A delegate cannot delegate further, and a manager cannot delegate what it does not hold.
    assertEquals("no-redelegation", chou.post(BASE + "/delegations", Map.of("organization", HQ, "person", "wangxm",
        "system", RESET, "startDate", today().toString(), "endDate", today().toString())).error());
    assertEquals("not-held", hr.post(BASE + "/delegations", Map.of("organization", HQ, "person", "chouzm",
        "system", "webhr-psn", "startDate", today().toString(), "endDate", today().toString())).error());
    assertEquals("forbidden", chou.get(BASE + "/delegations?organization=" + HQ).error());

    CLOCK.advance(Duration.ofDays(1));
    chou = chouzm();
    assertEquals("forbidden", resetLin(chou).error(), "the day after the end");
    assertEquals(List.of(), texts(chou.get(BASE + "/mine").body().get("resetOrganizations"), "/code"));

    // Revocation is immediate: a delegation in its period stops at once.
    hr = hrchang();
    PortalClient.Reply second = hr.post(BASE + "/delegations", Map.of("organization", HQ, "person", "chouzm",
        "system", RESET, "startDate", today().toString(), "endDate", today().plusDays(5).toString()));
    assertEquals(201, second.status(), String.valueOf(second.body()));
    assertEquals("ACTIVE", second.body().get("status").asText());
    assertEquals(List.of(HQ), texts(chou.get(BASE + "/mine").body().get("resetOrganizations"), "/code"));
    long id = second.body().get("id").asLong();
    assertEquals("forbidden", chou.post(BASE + "/delegations/" + id + "/revoke", Map.of()).error(),
        "the delegate cannot end it");
    PortalClient.Reply revoked = hr.post(BASE + "/delegations/" + id + "/revoke", Map.of());
    assertEquals(200, revoked.status(), String.valueOf(revoked.body()));
    assertEquals("REVOKED", revoked.body().get("status").asText());
    assertEquals("forbidden", resetLin(chou).error());
    assertEquals("already-revoked", hr.post(BASE + "/delegations/" + id + "/revoke", Map.of()).error());
    assertEquals("not-found", hr.post(BASE + "/delegations/x/revoke", Map.of()).error());

    // Bad periods are a 400 with a zh-TW message, never a 500.
    PortalClient.Reply bad = hr.post(BASE + "/delegations", Map.of("organization", HQ, "person", "chouzm",
        "system", RESET, "startDate", "2026-13-40", "endDate", today().toString()));
    assertEquals(400, bad.status());
    assertEquals("bad-period", bad.error());
    assertEquals("period-past", hr.post(BASE + "/delegations", Map.of("organization", HQ, "person", "chouzm",
        "system", RESET, "startDate", today().minusDays(3).toString(), "endDate", today().minusDays(1).toString()))
        .error());

    PortalClient admin = loggedIn("admin", "Admin-Demo2026!");
    List<String> kinds = texts(admin.get("/api/admin/audit?limit=300").body(), "/kind");
    assertTrue(kinds.containsAll(List.of("DELEGATION_CREATED", "DELEGATION_REVOKED", "HR_RESET")), kinds.toString());
  }
}

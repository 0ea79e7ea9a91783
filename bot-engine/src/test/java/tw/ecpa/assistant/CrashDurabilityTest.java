package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.SharedPostgres;

/**
 * A 2xx means the write is durable: each kind of write is acknowledged, the server is killed with SIGKILL
 * at once (no shutdown hook, no background flush), started again on the same data, and the write is
 * there. One server process after another on one data folder: a password change, a questionnaire answer,
 * a permission grant, a delegation, a knowledge-base publish and a chat vote, on the embedded H2 file and
 * on PostgreSQL.
 */
class CrashDurabilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final String HQ = "376480000A";

  @TempDir
  Path temp;

  @Test
  void everyAcknowledgedWrite_survivesAKillRightAfterIts2xx_onTheEmbeddedH2File() {
    survivesKills(Map.of());
  }

  @Test
  void everyAcknowledgedWrite_survivesAKillRightAfterIts2xx_onPostgreSql() {
    Database.Location db = SharedPostgres.freshLocation();
    survivesKills(Map.of("DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD", db.password(), "DEMO_DATA", "true"));
  }

  /** Runs each write on a server, kills it on the 2xx, and checks the write on the next start. */
  private void survivesKills(Map<String, String> env) {
    Path data = temp.resolve("data");
    List<Write> writes = List.of(passwordChange(), questionnaireAnswer(), grant(), delegation(), publish(), vote());
    ServerProcess server = ServerProcess.start(data, env);
    try {
      for (Write write : writes) {
        Consumer<ServerProcess> check = write.acknowledge(server);
        server.kill();
        server = ServerProcess.start(data, env);
        check.accept(server);
      }
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nserver log:\n" + server.logTail(), e);
    } finally {
      server.close();
    }
  }

  /** A write: makes it, asserts its 2xx, and returns how to find it after the restart. */
  interface Write {
    Consumer<ServerProcess> acknowledge(ServerProcess server);
  }

  private static PortalClient loggedIn(ServerProcess server, String account, String password) {
    PortalClient client = new PortalClient(server.base());
    PortalClient.Reply login = client.login(account, password);
    assertEquals(200, login.status(), account + " logs in: " + login.body());
    return client;
  }

  private static Write passwordChange() {
    return server -> {
      PortalClient chou = loggedIn(server, "chouzm", "Chou-Demo2026!");
      PortalClient.Reply changed = chou.post("/api/password/change", Map.of("currentPassword", "Chou-Demo2026!",
          "newPassword", "Durable-Chou2026!", "confirmPassword", "Durable-Chou2026!"));
      assertEquals(204, changed.status(), String.valueOf(changed.body()));
      return after -> {
        assertEquals(200, new PortalClient(after.base()).login("chouzm", "Durable-Chou2026!").status(),
            "the new password logs in after the crash");
        assertEquals(401, new PortalClient(after.base()).login("chouzm", "Chou-Demo2026!").status(),
            "the old one no longer does");
      };
    };
  }

  private static Write questionnaireAnswer() {
    return server -> {
      PortalClient hr = loggedIn(server, "hrchang", "Hr-Demo2026!");
      PortalClient.Reply created = hr.post("/api/portal/questionnaires", Map.of("title", "當機後仍在的問卷",
          "description", "請撥冗填寫", "questions", QuestionnaireApiTest.questions()));
      assertEquals(201, created.status(), String.valueOf(created.body()));
      long id = created.body().get("id").asLong();
      PortalClient.Reply group = hr.post("/api/portal/questionnaires/groups",
          Map.of("name", "總處全體", "kind", "organization"));
      assertEquals(201, group.status(), String.valueOf(group.body()));
      // The server runs on the machine's clock: the questionnaire opens a minute before the server's now.
      Instant now = serverTime(hr);
      PortalClient.Reply published = hr.post("/api/portal/questionnaires/" + id + "/publish", Map.of(
          "groupId", group.body().get("id").asLong(), "opensAt", now.minusSeconds(60).toString(),
          "closesAt", now.plus(Duration.ofDays(2)).toString()));
      assertEquals(200, published.status(), String.valueOf(published.body()));
      PortalClient wang = loggedIn(server, "wangxm", "Wang-Demo2026!");
      String path = "/api/portal/questionnaires/" + id + "/response";
      PortalClient.Reply saved = QuestionnaireApiTest.put(wang, path, Map.of("answers", Map.of("q1", "每週")));
      assertEquals(200, saved.status(), String.valueOf(saved.body()));
      return after -> {
        PortalClient.Reply form = loggedIn(after, "wangxm", "Wang-Demo2026!").get(path);
        assertEquals(200, form.status(), String.valueOf(form.body()));
        assertEquals("每週", form.body().at("/answers/q1/0").asText(), "the saved answer after the crash: " + form.body());
      };
    };
  }

  private static Write grant() {
    return server -> {
      PortalClient hr = loggedIn(server, "hrchang", "Hr-Demo2026!");
      PortalClient.Reply granted = hr.post(PermissionsApiTest.BASE + "/grants",
          Map.of("organization", HQ, "person", "A123456789", "system", "webhr-psn"));
      assertEquals(201, granted.status(), String.valueOf(granted.body()));
      return after -> {
        JsonNode holders = loggedIn(after, "hrchang", "Hr-Demo2026!").get(PermissionsApiTest.BASE
            + "/searches/system-holders?organization=" + HQ + "&system=webhr-psn").body();
        assertEquals(List.of("wangxm"), PermissionsApiTest.texts(holders, "/member/account"), "the grant after the crash");
      };
    };
  }

  private static Write delegation() {
    return server -> {
      PortalClient hr = loggedIn(server, "hrchang", "Hr-Demo2026!");
      // Two days after the server's today, so it is still to start if midnight passes during the test.
      String later = LocalDate.ofInstant(serverTime(hr), TAIPEI).plusDays(2).toString();
      PortalClient.Reply made = hr.post(PermissionsApiTest.BASE + "/delegations", Map.of("organization", HQ,
          "person", "chouzm", "system", PermissionsApiTest.RESET, "startDate", later, "endDate", later));
      assertEquals(201, made.status(), String.valueOf(made.body()));
      return after -> {
        JsonNode list = loggedIn(after, "hrchang", "Hr-Demo2026!").get(PermissionsApiTest.BASE
            + "/delegations?organization=" + HQ).body();
        assertEquals(List.of("未開始"), PermissionsApiTest.texts(list, "/statusText"), "the delegation after the crash");
      };
    };
  }

  private static Write publish() {
    return server -> {
      PortalClient editor = loggedIn(server, "kbeditor", "Kb-Demo2026!").at(server.console());
      JsonNode draft = editor.get("/api/kb/draft").body();
      Map<String, String> files = new LinkedHashMap<>(JSON.convertValue(draft.get("files"), Map.class));
      ObjectNode moica = (ObjectNode) read(files.get("moica.json"));
      moica.get("nodes").forEach(n -> {
        if (n.get("id").asText().equals("moica.error.wrong-pin")) {
          ((ArrayNode) n.get("questions")).add("當機之後這句還在嗎");
        }
      });
      files.put("moica.json", moica.toString());
      assertEquals(200, QuestionnaireApiTest.put(editor, "/api/kb/draft", Map.of("files", files)).status());
      PortalClient.Reply published = editor.post("/api/kb/publish", Map.of("note", "當機測試", "confirm", true));
      assertEquals(200, published.status(), String.valueOf(published.body()));
      int version = published.body().get("published").asInt();
      return after -> {
        PortalClient again = loggedIn(after, "kbeditor", "Kb-Demo2026!").at(after.console());
        assertEquals(version, again.get("/api/kb/versions").body().get("live").asInt(), "the published version is live");
      };
    };
  }

  private static Write vote() {
    return server -> {
      PortalClient user = new PortalClient(server.base());
      String id = user.post("/api/chat/sessions", Map.of()).body().get("sessionId").asText();
      assertEquals(200, user.post("/api/chat/sessions/" + id + "/messages", Map.of("text", "自然人憑證解密失敗")).status());
      PortalClient.Reply voted = user.post("/api/chat/sessions/" + id + "/feedback",
          Map.of("answerId", "moica.error.decrypt-failure", "helpful", false));
      assertTrue(voted.status() / 100 == 2, "the vote is acknowledged: " + voted.status() + " " + voted.body());
      return after -> {
        JsonNode analytics = loggedIn(after, "kbeditor", "Kb-Demo2026!").at(after.console())
            .get("/api/kb/analytics?days=7").body();
        assertTrue(analytics.get("votes").toString().contains("moica.error.decrypt-failure"),
            "the vote after the crash: " + analytics.get("votes"));
      };
    };
  }

  /** The server's own now, as the pages read it. */
  private static Instant serverTime(PortalClient client) {
    return Instant.parse(client.get("/api/auth/session").body().get("serverTime").asText());
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

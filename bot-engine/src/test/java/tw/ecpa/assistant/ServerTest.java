package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.ecpa.portal.testing.MovableClock;

class ServerTest {

  @Test
  void create_brokenKnowledgeBase_refusesToStartAndNamesFileAndNode(@TempDir Path dir) throws Exception {
    Path kb = Files.createDirectories(dir.resolve("kb"));
    Files.writeString(kb.resolve("knowledge-base.json"),
        "{\"format\": 1, \"root\": \"menu.main\", \"files\": [\"menus.json\"]}");
    Files.writeString(kb.resolve("menus.json"), """
        {"nodes": [{"id": "menu.main", "type": "menu", "title": "主選單",
          "options": [{"label": "忘記密碼", "target": "account.gone"}], "source": "editorial"}]}
        """);
    Settings settings = Settings.forTests(dir.resolve("data")).withKnowledgeDir(kb);
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> Server.create(settings, new MovableClock()));
    assertTrue(refused.getMessage().contains("menus.json: node 'menu.main'"), refused.getMessage());
    assertTrue(refused.getMessage().contains("account.gone"), refused.getMessage());
  }

  @Test
  void create_shippedKnowledgeBase_keepsItsDataInTheDataFolder(@TempDir Path dir) {
    Path data = dir.resolve("data");
    try (Server server = Server.create(Settings.forTests(data), new MovableClock())) {
      assertTrue(Files.isDirectory(data));
      assertEquals("menu.main", server.knowledge().knowledgeBase().root().id());
      assertTrue(Files.exists(data.resolve("ecpa.mv.db")), "the embedded database lives in the data folder");
      assertTrue(server.portal().accounts().byLogin("wangxm").isPresent(), "demo accounts are loaded");
    }
  }
}

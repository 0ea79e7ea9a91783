package tw.ecpa.bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void fromEnvironment_empty_usesTheEmbeddedDefaults() {
    Settings s = Settings.fromEnvironment(Map.of());
    assertEquals("127.0.0.1", s.host());
    assertEquals(7070, s.port());
    assertEquals(7071, s.adminPort());
    assertEquals(Path.of("data").toAbsolutePath().normalize(), s.dataDir());
    assertTrue(s.knowledgeDir().isEmpty());
    assertEquals(500, s.chat().maxTextLength());
    assertEquals(30, s.chat().turnsPerMinute());
    assertTrue(s.database().url().startsWith("jdbc:h2:file:" + s.dataDir()), s.database().url());
    assertTrue(s.demoData());
  }

  @Test
  void fromEnvironment_postgres_turnsDemoDataOff_andKeepsThePasswordOutOfToString() {
    Settings s = Settings.fromEnvironment(Map.of("DB_URL", "jdbc:postgresql://db/ecpa", "DB_USER", "app",
        "DB_PASSWORD", "s3cret!"));
    assertEquals("jdbc:postgresql://db/ecpa", s.database().url());
    assertEquals("app", s.database().user());
    assertTrue(!s.demoData());
    assertTrue(!s.toString().contains("s3cret!"), s.toString());
    assertTrue(Settings.fromEnvironment(Map.of("DB_URL", "jdbc:postgresql://db/ecpa", "DEMO_DATA", "true")).demoData());
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of("DB_URL", "jdbc:mysql://x/y")));
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of("DEMO_DATA", "maybe")));
  }

  @Test
  void fromEnvironment_overrides_areRead() {
    Settings s = Settings.fromEnvironment(Map.of("PORT", "8080", "ADMIN_PORT", "8081", "DATA_DIR", "/tmp/ecpa", "KB_DIR", "/tmp/kb"));
    assertEquals(8080, s.port());
    assertEquals(8081, s.adminPort());
    assertEquals(Path.of("/tmp/ecpa"), s.dataDir());
    assertEquals(Path.of("/tmp/kb"), s.knowledgeDir().orElseThrow());
    assertEquals(1000, Settings.fromEnvironment(Map.of("CHAT_TURNS_PER_MINUTE", "1000")).chat().turnsPerMinute());
  }

  @Test
  void fromEnvironment_badPort_isRefusedWithItsName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.fromEnvironment(Map.of("PORT", "seventy")));
    assertTrue(e.getMessage().contains("PORT"));
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of("ADMIN_PORT", "70000")));
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of("CHAT_TURNS_PER_MINUTE", "0")));
  }
}

package tw.ecpa.assistant;

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
    assertTrue(s.search().meaning());
    assertEquals(s.dataDir().resolve("vectors"), s.search().vectorCache());
  }

  @Test
  void fromEnvironment_searchMeaning_canBeTurnedOff_andTheVectorCacheMoved() {
    Settings s = Settings.fromEnvironment(Map.of("SEARCH_MEANING", "false", "VECTOR_CACHE_DIR", "/tmp/vectors"));
    assertTrue(!s.search().meaning());
    assertEquals(Path.of("/tmp/vectors"), s.search().vectorCache());
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of("SEARCH_MEANING", "sometimes")));
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

  @Test
  void mail_isTheEmbeddedMailbox_unlessAnSmtpServerIsGiven_whichNeedsASender() {
    assertTrue(Settings.fromEnvironment(Map.of()).mail().embedded());
    Settings s = Settings.fromEnvironment(Map.of("SMTP_HOST", "smtp.example.gov.tw", "SMTP_PORT", "587",
        "SMTP_USER", "ecpa", "SMTP_PASSWORD", "m@il-s3cret", "MAIL_FROM", "eCPA <no-reply@example.gov.tw>"));
    assertEquals("smtp.example.gov.tw", s.mail().smtp().orElseThrow().host());
    assertEquals(587, s.mail().smtp().orElseThrow().port());
    assertTrue(s.mail().smtp().orElseThrow().startTls());
    assertTrue(!s.toString().contains("m@il-s3cret"), s.toString());
    IllegalArgumentException noSender = assertThrows(IllegalArgumentException.class,
        () -> Settings.fromEnvironment(Map.of("SMTP_HOST", "smtp.example.gov.tw")));
    assertTrue(noSender.getMessage().contains("MAIL_FROM"));
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(
        Map.of("SMTP_HOST", "smtp.example.gov.tw", "MAIL_FROM", "a@b.tw", "SMTP_USER", "x")));
  }

  @Test
  void cardServices_areTheSimulators_unlessProductionIsAsked_whoseCertificateBundlesNeedTheirCrl(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    assertEquals(Settings.Cards.SIMULATED, Settings.fromEnvironment(Map.of()).cards());
    assertEquals(java.util.Set.of("password", "moica", "gca", "nhi", "mobile-id"), Settings.Cards.SIMULATED.methods());

    java.nio.file.Path bundle = java.nio.file.Files.writeString(dir.resolve("moica.pem"), "");
    Settings.Cards production = Settings.fromEnvironment(Map.of("CARD_SERVICES", "production",
        "MOICA_CA_CERTS", bundle.toString(), "MOICA_CRL_URL", "http://moica.example/crl")).cards();
    assertTrue(!production.simulated());
    assertEquals(java.util.Set.of("password", "moica"), production.methods());
    assertEquals("http://localhost:61161", production.component());

    assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of(
        "CARD_SERVICES", "production", "MOICA_CA_CERTS", bundle.toString()))).getMessage().contains("MOICA_CRL_URL"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of(
        "CARD_SERVICES", "production", "GCA_CA_CERTS", dir.resolve("none.pem").toString(), "GCA_CRL_URL",
        "http://gca.example/crl"))).getMessage().contains("GCA_CA_CERTS"));
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of("CARD_SERVICES", "real")));
  }

  @Test
  void captchaTestMode_isAllowedOnLoopbackOnly() {
    assertTrue(!Settings.fromEnvironment(Map.of()).captchaTestMode());
    assertTrue(Settings.fromEnvironment(Map.of("CAPTCHA_MODE", "test")).captchaTestMode());
    assertTrue(Settings.fromEnvironment(Map.of("CAPTCHA_MODE", "test", "HOST", "localhost")).captchaTestMode());
    IllegalArgumentException exposed = assertThrows(IllegalArgumentException.class,
        () -> Settings.fromEnvironment(Map.of("CAPTCHA_MODE", "test", "HOST", "0.0.0.0")));
    assertTrue(exposed.getMessage().contains("loopback"));
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of("CAPTCHA_MODE", "audio")));
  }

  @Test
  void publicUrl_isReadWithoutATrailingSlash() {
    assertEquals("https://ecpa.example.gov.tw",
        Settings.fromEnvironment(Map.of("PUBLIC_URL", "https://ecpa.example.gov.tw/")).publicUrl().orElseThrow());
    assertTrue(Settings.fromEnvironment(Map.of()).publicUrl().isEmpty());
  }
}

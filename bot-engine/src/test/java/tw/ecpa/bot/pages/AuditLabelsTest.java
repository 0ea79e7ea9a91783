package tw.ecpa.bot.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.audit.AuditKind;

/** The 稽核紀錄 page names every kind of audit event in Chinese, not only by its code. */
class AuditLabelsTest {

  @Test
  void everyAuditKind_hasAChineseLabelOnTheAuditPage() throws Exception {
    String script;
    try (InputStream in = AuditLabelsTest.class.getResourceAsStream("/web/portal/audit.js")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (AuditKind kind : AuditKind.values()) {
      assertTrue(script.matches("(?s).*\\b" + kind.name() + ": \"[^\"]*\\p{IsHan}[^\"]*\".*"), kind + " has no label");
    }
  }
}

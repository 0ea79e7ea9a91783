package tw.ecpa.kb.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

class DiagnosisTest {

  static final Diagnosis SHIPPED = Diagnosis.shipped();

  static List<String> answers(Map<String, String> results) {
    return SHIPPED.diagnose(results).stream().map(Diagnosis.Finding::answer).toList();
  }

  @Test
  void shippedRules_pointAtAnswersOfTheShippedTree() {
    assertEquals(List.of(), SHIPPED.problems(KnowledgeBaseLoader.shipped().orThrow()));
  }

  @Test
  void chromeWithPopupsBlocked_getsTheChromeSteps() {
    assertEquals(List.of("browser.popup.chrome"),
        answers(Map.of("method", "other", "browser", "Chrome", "popups", "blocked", "cookies", "true")));
  }

  @Test
  void macWithoutTheComponent_getsTheInstallGuide_withTheMacSentence() {
    List<Diagnosis.Finding> findings = SHIPPED.diagnose(
        Map.of("method", "moica", "os", "macos", "hicos", "missing", "popups", "allowed", "cookies", "true"));
    assertEquals(1, findings.size());
    assertEquals("hicos-missing-mac", findings.get(0).ruleId());
    assertEquals("moica.hicos-install", findings.get(0).answer());
  }

  @Test
  void theComponent_mattersOnlyForCertificateLogins_andAllFineNamesTheNextStep() {
    assertEquals(List.of(), answers(Map.of("method", "nhi", "hicos", "missing", "nhi", "ok", "popups", "allowed")));
    assertEquals("nhi.env-setup", SHIPPED.allFineAnswer("nhi"));
    assertEquals("account.first-login", SHIPPED.allFineAnswer("anything else"));
  }

  @Test
  void severalProblems_areAllReported_inRuleOrder() {
    assertEquals(List.of("browser.supported", "browser.popup.firefox", "moica.hicos-install"),
        answers(Map.of("method", "moica", "browser", "firefox", "popups", "blocked", "cookies", "false",
            "hicos", "missing", "os", "windows")));
  }
}

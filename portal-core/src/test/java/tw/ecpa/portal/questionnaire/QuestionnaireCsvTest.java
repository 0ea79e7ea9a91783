package tw.ecpa.portal.questionnaire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.identity.IdNumber;

/** The 資料下載 CSV: BOM, titles, RFC 4180 quoting. */
class QuestionnaireCsvTest {

  static final Instant T = Instant.parse("2026-11-23T05:00:00Z");
  static final IdNumber ID = IdNumber.parse("A123456789").orElseThrow();

  static Questionnaire questionnaire() {
    return new Questionnaire(1, "ORG", "問卷", null, QuestionnaireStatus.PUBLISHED, 1L, T, T.plusSeconds(3600), T, T,
        List.of(new Question("a", QuestionKind.TEXT, "意見, 建議", false, List.of(), 0),
            new Question("b", QuestionKind.MULTIPLE, "方式", false, List.of("甲", "乙"), 0),
            new Question("c", QuestionKind.TEXT, "公式", false, List.of(), 0)));
  }

  @Test
  void write_startsWithTheUtf8ByteOrderMark() {
    byte[] file = QuestionnaireCsv.write(questionnaire(), List.of());
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3));
  }

  @Test
  void write_quotesCommasQuotesAndLineBreaksAndJoinsChoices() {
    Response r = new Response(1, ID, true, T, T, Map.of("a", List.of("他說\"好\"\n第二行"), "b", List.of("甲", "乙"),
        "c", List.of("=SUM(A1)")));
    Response empty = new Response(1, ID, true, T, T, Map.of());
    String text = new String(QuestionnaireCsv.write(questionnaire(), List.of(r, empty)), StandardCharsets.UTF_8);
    assertEquals("\uFEFF\"意見, 建議\",方式,公式\r\n"
        + "\"他說\"\"好\"\"\n第二行\",甲、乙,'=SUM(A1)\r\n"
        + ",,\r\n", text);
  }
}

package tw.ecpa.kb.search.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessagePartsTest {

  @Test
  void aShortQuestion_isTakenWhole() {
    assertEquals(List.of("忘記密碼怎麼辦"), MessageParts.of(" 忘記密碼怎麼辦 "));
  }

  @Test
  void aLongMessage_givesItsSentencesAndClausesAfterTheWhole() {
    String message = "我昨天剛換了一台新的筆電，同事說要先裝東西。插卡之後畫面一直轉圈圈，請問要裝什麼元件？";
    List<String> parts = MessageParts.of(message);

    assertEquals(message, parts.get(0));
    assertTrue(parts.contains("插卡之後畫面一直轉圈圈，請問要裝什麼元件"), parts.toString());
    assertTrue(parts.contains("請問要裝什麼元件"), parts.toString());
  }

  @Test
  void tinyFragments_areLeftOut() {
    List<String> parts = MessageParts.of("好，嗯，那個，我的帳號被鎖住了而且一直登不進去怎麼辦");
    assertTrue(parts.stream().allMatch(p -> p.length() >= 4), parts.toString());
  }
}

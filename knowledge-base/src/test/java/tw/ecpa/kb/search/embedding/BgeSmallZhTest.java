package tw.ecpa.kb.search.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgeSmallZhTest {

  private final SentenceEncoder model = BgeSmallZh.shared();

  @Test
  void vectorsAreUnitLength_andParaphrasesAreCloserThanUnrelatedText() {
    List<float[]> v = model.embedAll(List.of("忘記密碼怎麼辦", "我的密碼想不起來了", "今天天氣很好"));
    double norm = 0;
    for (float x : v.get(0)) {
      norm += x * x;
    }
    assertEquals(1.0, norm, 1e-4);
    assertTrue(Semantics.cosine(v.get(0), v.get(1)) > Semantics.cosine(v.get(0), v.get(2)));
  }

  @Test
  void textTheTokenizerWouldRefuse_isEmbeddedAnyway() {
    assertEquals("a\uFFFDb", BgeSmallZh.wellFormed("a\ud800b"));
    assertEquals("😀", BgeSmallZh.wellFormed("😀"));
    assertEquals(512, model.embed("\ud800").length);
    assertEquals(512, model.embed("自然人憑證\ud800解密失敗").length);
    assertEquals(512, model.embed("   ").length);
  }
}

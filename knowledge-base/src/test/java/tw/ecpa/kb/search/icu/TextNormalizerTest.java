package tw.ecpa.kb.search.icu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.ecpa.kb.tree.SynonymGroup;

class TextNormalizerTest {

  private final TextNormalizer normalizer = TextNormalizer.of(List.of(
      new SynonymGroup(List.of("彈出式視窗", "彈跳視窗", "彈跳", "popup"), List.of()),
      new SynonymGroup(List.of("忘記密碼", "forgot password"), List.of())), false);

  @Test
  void normalize_simplifiedScript_becomesTraditional() {
    assertEquals("自然人憑證讀取失敗", normalizer.normalize("自然人凭证读取失败"));
  }

  @Test
  void normalize_traditionalScript_staysTheSame() {
    assertEquals("健保卡註冊密碼輸入錯誤", normalizer.normalize("健保卡註冊密碼輸入錯誤"));
  }

  @Test
  void normalize_fullWidthLatin_becomesHalfWidthLowerCase() {
    assertEquals("hicos pin碼", normalizer.normalize("ＨｉＣＯＳ　ＰＩＮ碼"));
  }

  @Test
  void normalize_variant_rewrittenToCanonicalLongestFirst() {
    assertEquals("彈出式視窗", normalizer.normalize("彈跳視窗").trim());
    assertEquals("chrome 彈出式視窗", normalizer.normalize("Chrome POPUP").trim().replaceAll(" +", " "));
  }

  @Test
  void normalize_englishPhrase_rewrittenToChineseCanonical() {
    assertEquals("忘記密碼", normalizer.normalize("Forgot Password").trim());
  }

  @Test
  void normalize_latinVariantInsideLongerWord_notRewritten() {
    assertEquals("popups", normalizer.normalize("popups"));
  }

  @Test
  void normalize_withFillers_dropsPoliteWords() {
    String normalized = TextNormalizer.of(List.of()).normalize("請問忘記密碼怎麼辦呢");
    assertTrue(normalized.contains("忘記密碼"));
    assertTrue(!normalized.contains("請問") && !normalized.contains("怎麼"), normalized);
  }

  @Test
  void normalize_passiveAndPerfectiveParticles_droppedOnlyAfterSynonymsHaveMatched() {
    TextNormalizer withLock = TextNormalizer.of(List.of(new SynonymGroup(List.of("鎖卡", "卡片被鎖"), List.of())));
    String locked = withLock.normalize("卡片被鎖了");
    assertTrue(locked.contains("鎖卡") && !locked.contains("了"), locked);
    String blocked = withLock.normalize("視窗被封鎖了");
    assertTrue(blocked.contains("封鎖") && !blocked.contains("被") && !blocked.contains("了"), blocked);
  }
}

package tw.ecpa.kb.search.icu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PinyinTest {

  @Test
  void syllables_sameSoundTypos_equalTheIntendedWords() {
    assertEquals(Pinyin.syllables("忘記密碼"), Pinyin.syllables("忘計密碼"));
    assertEquals(Pinyin.syllables("憑證"), Pinyin.syllables("平證"));
    assertEquals(Pinyin.syllables("健保卡"), Pinyin.syllables("建保卡"));
  }

  @Test
  void syllables_differentWords_differ() {
    assertNotEquals(Pinyin.syllables("密碼"), Pinyin.syllables("帳號"));
  }

  @Test
  void syllables_mixedText_keepsLatinWordsAndBreaksOnPunctuation() {
    assertEquals(List.of("hicos", "|", "an", "zuang"), Pinyin.syllables("hicos，安裝"));
  }

  @Test
  void syllables_retroflexAndNasals_folded() {
    assertEquals(Pinyin.syllables("證"), Pinyin.syllables("怎"));
    assertEquals(Pinyin.syllables("平"), Pinyin.syllables("貧"));
  }
}

package tw.ecpa.kb.search.lucene;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The Lucene analyzers for the character field and the phonetic (pinyin) field. */
final class Analyzers {

  private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Hant-Hans"));

  private Analyzers() {}

  /** The analyzer for already normalized (Traditional, lower-case) text. */
  static Analyzer characters(ChineseAnalysis analysis) {
    return switch (analysis) {
      case BIGRAMS -> bigrams(false);
      case BIGRAMS_UNIGRAMS -> bigrams(true);
      case SMARTCN -> new SmartChineseAnalyzer();
    };
  }

  /** Text as the character analyzer expects it: SmartCN needs Simplified script to segment well. */
  static String prepare(ChineseAnalysis analysis, String normalized) {
    return analysis == ChineseAnalysis.SMARTCN
        ? TO_SIMPLIFIED.get().transliterate(normalized)
        : normalized;
  }

  private static Analyzer bigrams(boolean unigrams) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new CJKBigramFilter(source, CJKBigramFilter.HAN, unigrams);
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /** Pinyin syllable bigrams from a space-separated syllable string ({@code |} breaks a phrase). */
  static Analyzer phonetic() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        ShingleFilter shingles = new ShingleFilter(source, 2, 2);
        shingles.setOutputUnigrams(false);
        shingles.setOutputUnigramsIfNoShingles(true);
        shingles.setTokenSeparator("_");
        shingles.setFillerToken("");
        return new TokenStreamComponents(source, shingles);
      }
    };
  }

  /** The distinct terms an analyzer makes of a text, in order. */
  static Set<String> terms(Analyzer analyzer, String field, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String t = term.toString();
        if (!t.isBlank() && t.indexOf('|') < 0) {
          terms.add(t);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}

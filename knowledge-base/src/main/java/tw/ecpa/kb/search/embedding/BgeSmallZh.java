package tw.ecpa.kb.search.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * bge-small-zh-v1.5, quantized (512 dimensions, MIT licence), as langchain4j ships it inside its jar
 * and runs it with onnxruntime on the CPU: about 1.3 s to load, 1–4 ms a short sentence on one core.
 * The model is immutable and thread-safe, so a process loads it once ({@link #shared()}).
 */
public final class BgeSmallZh implements SentenceEncoder {

  private static final int BATCH = 64;

  private final BgeSmallZhV15QuantizedEmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();

  private BgeSmallZh() {}

  private static final class Holder {
    static final BgeSmallZh SHARED = new BgeSmallZh();
  }

  /** The process's one instance, loaded on first use. */
  public static SentenceEncoder shared() {
    return Holder.SHARED;
  }

  @Override
  public String id() {
    return "bge-small-zh-v1.5-q-lc4j-1.11.0";
  }

  @Override
  public float[] embed(String text) {
    return unit(model.embed(wellFormed(text)).content());
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
          .map(t -> TextSegment.from(wellFormed(t))).toList();
      for (Embedding e : model.embedAll(segments).content()) {
        out.add(unit(e));
      }
    }
    return out;
  }

  /**
   * Text the tokenizer accepts: a lone surrogate (which a client can send as JSON "\ud800") becomes
   * U+FFFD, and text with nothing else a placeholder.
   */
  static String wellFormed(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    String clean = out.toString();
    return clean.replace('\uFFFD', ' ').isBlank() ? "?" : clean;
  }

  private static float[] unit(Embedding embedding) {
    float[] v = embedding.vector();
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
    return v;
  }
}

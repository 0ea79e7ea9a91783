package tw.ecpa.kb.search.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The meaning-level signal: a sentence encoder, the disk cache of phrasing vectors, and a cache of
 * the questions already embedded (people ask the same things). Thread-safe; one per process.
 */
public final class Semantics {

  private static final int QUESTIONS_CACHED = 20_000;

  private final SentenceEncoder encoder;
  private final VectorCache cache;
  private final Cache<String, float[]> questions = Caffeine.newBuilder().maximumSize(QUESTIONS_CACHED).build();

  private Semantics(SentenceEncoder encoder, VectorCache cache) {
    this.encoder = encoder;
    this.cache = cache;
  }

  /** The signal from this encoder, with phrasing vectors cached as {@code cache} says. */
  public static Semantics of(SentenceEncoder encoder, VectorCache cache) {
    return new Semantics(encoder, cache);
  }

  /** The vectors of one version's phrasings, embedding only those the cache does not hold. */
  public PhrasingVectors index(List<PhrasingVectors.Phrasing> phrasings) {
    return new PhrasingVectors(phrasings,
        cache.vectorsOf(phrasings.stream().map(PhrasingVectors.Phrasing::text).toList(), encoder));
  }

  /** The vectors of these texts (a question's parts, or questions to compare), from the cache where it has them. */
  public List<float[]> embed(List<String> parts) {
    List<float[]> out = new ArrayList<>(parts.size());
    List<String> missing = parts.stream().filter(p -> questions.getIfPresent(p) == null).distinct().toList();
    if (!missing.isEmpty()) {
      List<float[]> fresh = encoder.embedAll(missing);
      for (int i = 0; i < missing.size(); i++) {
        questions.put(missing.get(i), fresh.get(i));
      }
    }
    for (String p : parts) {
      float[] v = questions.getIfPresent(p);
      out.add(v != null ? v : encoder.embed(p));
    }
    return out;
  }

  /** Each node's best cosine with the question's parts. */
  public Map<String, Double> closest(PhrasingVectors vectors, List<String> parts) {
    return vectors.closest(embed(parts));
  }

  /** The cosine of two unit vectors: how close two texts are in meaning. */
  public static double cosine(float[] a, float[] b) {
    return PhrasingVectors.dot(a, b);
  }

  /** The encoder's id (for reports). */
  public String encoderId() {
    return encoder.id();
  }
}

package tw.ecpa.kb.search.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {

  /** A stand-in encoder that records what it was asked to embed; its vectors depend on the text only. */
  static class CountingEncoder implements SentenceEncoder {
    final List<String> embedded = new ArrayList<>();

    @Override
    public String id() {
      return "counting-1";
    }

    @Override
    public float[] embed(String text) {
      return embedAll(List.of(text)).get(0);
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
      embedded.addAll(texts);
      return texts.stream().map(t -> new float[] {t.length(), t.hashCode() % 7, 1}).toList();
    }
  }

  @TempDir Path folder;

  @Test
  void aRestart_readsTheVectorsInsteadOfEmbeddingAgain() {
    CountingEncoder first = new CountingEncoder();
    List<float[]> written = VectorCache.in(folder).vectorsOf(List.of("忘記密碼", "讀卡失敗"), first);
    CountingEncoder second = new CountingEncoder();
    List<float[]> read = VectorCache.in(folder).vectorsOf(List.of("忘記密碼", "讀卡失敗"), second);

    assertEquals(List.of("忘記密碼", "讀卡失敗"), first.embedded);
    assertEquals(List.of(), second.embedded);
    assertArrayEquals(written.get(1), read.get(1));
  }

  @Test
  void aNewVersion_embedsOnlyThePhrasingsItAdded() {
    VectorCache.in(folder).vectorsOf(List.of("忘記密碼", "讀卡失敗"), new CountingEncoder());
    CountingEncoder next = new CountingEncoder();
    List<float[]> vectors = VectorCache.in(folder).vectorsOf(List.of("讀卡失敗", "插卡後一直轉圈圈", "忘記密碼"), next);

    assertEquals(List.of("插卡後一直轉圈圈"), next.embedded);
    assertEquals(3, vectors.size());
    assertEquals("插卡後一直轉圈圈".length(), vectors.get(1)[0]);
  }

  @Test
  void aDamagedFile_isIgnoredAndWrittenAgain() throws IOException {
    VectorCache.in(folder).vectorsOf(List.of("忘記密碼"), new CountingEncoder());
    for (Path file : vecFiles()) {
      Files.write(file, new byte[] {1, 2, 3});
    }
    CountingEncoder after = new CountingEncoder();
    VectorCache.in(folder).vectorsOf(List.of("忘記密碼"), after);
    CountingEncoder again = new CountingEncoder();
    VectorCache.in(folder).vectorsOf(List.of("忘記密碼"), again);

    assertEquals(List.of("忘記密碼"), after.embedded);
    assertEquals(List.of(), again.embedded);
  }

  @Test
  void anotherEncoder_neverReadsTheseVectors() {
    VectorCache.in(folder).vectorsOf(List.of("忘記密碼"), new CountingEncoder());
    CountingEncoder other = new CountingEncoder() {
      @Override
      public String id() {
        return "counting-2";
      }
    };
    VectorCache.in(folder).vectorsOf(List.of("忘記密碼"), other);

    assertEquals(List.of("忘記密碼"), other.embedded);
  }

  @Test
  void withoutACache_everyBuildEmbeds() {
    CountingEncoder encoder = new CountingEncoder();
    VectorCache.none().vectorsOf(List.of("忘記密碼"), encoder);
    VectorCache.none().vectorsOf(List.of("忘記密碼"), encoder);

    assertEquals(List.of("忘記密碼", "忘記密碼"), encoder.embedded);
  }

  private List<Path> vecFiles() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".vec")).toList();
    }
  }
}

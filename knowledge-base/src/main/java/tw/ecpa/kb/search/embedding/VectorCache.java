package tw.ecpa.kb.search.embedding;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phrasings' vectors of each knowledge-base version, kept on disk so that a restart, another
 * node on the same disk or a publish that changed a few phrasings embeds only what it has not seen.
 *
 * <p>One file per set of phrasings (named by the hash of the encoder and the texts, so by version
 * content) under a folder per encoder. A set not seen yet takes what it can from the newest file and
 * embeds the rest. Files are written to a temporary name and moved into place, so a crash leaves the
 * old files whole; a damaged or foreign file is ignored and rewritten. The newest {@value #KEEP} sets
 * are kept.
 */
public final class VectorCache {

  private static final Logger LOG = LoggerFactory.getLogger(VectorCache.class);
  private static final int MAGIC = 0x45435631; // "ECV1"
  private static final int KEEP = 8;

  private final Optional<Path> folder;

  private VectorCache(Optional<Path> folder) {
    this.folder = folder;
  }

  /** A cache in this folder (made when first written). */
  public static VectorCache in(Path folder) {
    return new VectorCache(Optional.of(folder));
  }

  /** No cache: every build embeds every phrasing. */
  public static VectorCache none() {
    return new VectorCache(Optional.empty());
  }

  /** The unit vectors of these texts, in order: read from the cache where it has them, else embedded. */
  public List<float[]> vectorsOf(List<String> texts, SentenceEncoder encoder) {
    List<String> keys = texts.stream().map(t -> key(encoder.id(), t)).toList();
    String setName = key(encoder.id(), String.join("\n", keys)) + ".vec";
    Optional<Path> dir = folder.map(f -> f.resolve(safe(encoder.id())));
    Map<String, float[]> known = new HashMap<>();
    dir.map(d -> d.resolve(setName)).filter(Files::isRegularFile).ifPresent(f -> known.putAll(read(f)));
    if (!known.keySet().containsAll(keys)) {
      dir.flatMap(VectorCache::newest).ifPresent(f -> read(f).forEach(known::putIfAbsent));
    }
    Set<String> unseen = new LinkedHashSet<>();
    for (int i = 0; i < texts.size(); i++) {
      if (!known.containsKey(keys.get(i))) {
        unseen.add(texts.get(i));
      }
    }
    List<String> missing = List.copyOf(unseen);
    boolean wrote = false;
    if (!missing.isEmpty()) {
      List<float[]> fresh = encoder.embedAll(missing);
      for (int i = 0; i < missing.size(); i++) {
        known.put(key(encoder.id(), missing.get(i)), fresh.get(i));
      }
      LOG.info("embedded {} of {} phrasings ({} from the cache)", missing.size(), texts.size(),
          texts.size() - missing.size());
    }
    List<float[]> out = keys.stream().map(known::get).toList();
    if (dir.isPresent() && (!missing.isEmpty() || !Files.isRegularFile(dir.get().resolve(setName)))) {
      wrote = write(dir.get(), setName, keys, out);
    }
    if (wrote) {
      prune(dir.get());
    }
    return out;
  }

  private static Optional<Path> newest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".vec"))
          .max(Comparator.comparing(VectorCache::modified));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static Map<String, float[]> read(Path file) {
    Map<String, float[]> out = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC) {
        return Map.of();
      }
      int dim = in.readInt();
      int count = in.readInt();
      byte[] key = new byte[32];
      for (int i = 0; i < count; i++) {
        in.readFully(key);
        float[] v = new float[dim];
        for (int j = 0; j < dim; j++) {
          v[j] = in.readFloat();
        }
        out.put(HexFormat.of().formatHex(key), v);
      }
      return out;
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring the unreadable vector cache {}: {}", file, e.toString());
      return Map.of();
    }
  }

  private static boolean write(Path dir, String name, List<String> keys, List<float[]> vectors) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, name, ".tmp");
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeInt(MAGIC);
        out.writeInt(vectors.isEmpty() ? 0 : vectors.get(0).length);
        out.writeInt(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
          out.write(HexFormat.of().parseHex(keys.get(i)));
          for (float x : vectors.get(i)) {
            out.writeFloat(x);
          }
        }
      }
      try {
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      // A cache that cannot be written costs start-up time, not answers.
      LOG.warn("could not write the vector cache in {}: {}", dir, e.toString());
      return false;
    }
  }

  private static void prune(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sets = files.filter(f -> f.getFileName().toString().endsWith(".vec"))
          .sorted(Comparator.comparing(VectorCache::modified).reversed()).toList();
      for (Path old : sets.subList(Math.min(KEEP, sets.size()), sets.size())) {
        Files.deleteIfExists(old);
      }
    } catch (IOException e) {
      LOG.warn("could not prune the vector cache in {}: {}", dir, e.toString());
    }
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  static String key(String encoder, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(encoder.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

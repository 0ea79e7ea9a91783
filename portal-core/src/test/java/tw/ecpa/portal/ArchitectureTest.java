package tw.ecpa.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the portal's domain free of web, persistence and framework types: each feature's store lives in its
 * {@code jdbc} sub-package and its routes in {@code http}, beside the feature; the shared {@code http} and
 * {@code jdbc} packages know no feature.
 */
class ArchitectureTest {

  private static final List<String> FORBIDDEN = List.of(
      "import io.javalin", "import org.eclipse.jetty", "import org.springframework", "import jakarta.servlet",
      "import com.fasterxml.jackson", "import org.apache.lucene");
  private static final List<String> ADAPTER_PACKAGES = List.of("/http/", "/jdbc/", "/smtp/", "/mail/dev/", "/lucene/");

  private static final Path ROOT = Path.of("src/main/java/tw/ecpa/portal");
  /** A store, a route or a database type: what a feature's domain must not see. */
  private static final Pattern ADAPTER_IMPORT =
      Pattern.compile("^import (tw\\.ecpa\\.portal\\.([a-z]+\\.)*(jdbc|http)\\.|java\\.sql\\.|javax\\.sql\\.)");
  private static final Pattern PORTAL_IMPORT = Pattern.compile("^import tw\\.ecpa\\.portal\\.([a-z]+)\\.");

  @Test
  void featurePackages_importNoFramework() throws IOException {
    List<Path> files = domainFiles();
    assertTrue(files.stream().anyMatch(p -> p.toString().contains("/identity/")), "the rule guards real packages");
    assertEquals(List.of(), violations(files, line -> FORBIDDEN.stream().anyMatch(line::startsWith)));
  }

  @Test
  void featureDomains_importNoStoreRouteOrDatabase() throws IOException {
    List<Path> files = domainFiles();
    assertTrue(files.stream().anyMatch(p -> p.toString().contains("/questionnaire/demo/")), "demo data is domain too");
    assertEquals(List.of(), violations(files, line -> ADAPTER_IMPORT.matcher(line).find()));
  }

  @Test
  void theSharedHttpAndJdbcPackages_importNoFeature() throws IOException {
    for (String shared : List.of("http", "jdbc")) {
      List<Path> files = javaFiles(ROOT.resolve(shared));
      assertTrue(!files.isEmpty(), shared);
      assertEquals(List.of(), violations(files, line -> {
        Matcher m = PORTAL_IMPORT.matcher(line);
        return m.find() && !m.group(1).equals(shared);
      }));
    }
  }

  @Test
  void everyStore_livesBesideItsFeature() throws IOException {
    List<Path> stores = javaFiles(ROOT).stream().filter(p -> p.getFileName().toString().startsWith("Jdbc")
        && !p.getFileName().toString().equals("Jdbc.java")).toList();
    assertTrue(stores.size() >= 10, "the stores are found");
    for (Path store : stores) {
      Path dir = ROOT.relativize(store.getParent());
      assertTrue(dir.getNameCount() == 2 && dir.getName(1).toString().equals("jdbc"), store + " is not in <feature>/jdbc");
    }
  }

  /** The files outside the adapter packages. */
  private static List<Path> domainFiles() throws IOException {
    return javaFiles(ROOT).stream().filter(p -> ADAPTER_PACKAGES.stream().noneMatch(p.toString()::contains))
        .filter(p -> !ROOT.relativize(p).startsWith("jdbc")).toList();
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  private static List<String> violations(List<Path> files, Predicate<String> forbidden) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        if (forbidden.test(line)) {
          out.add(file + ": " + line);
        }
      }
    }
    return out;
  }
}

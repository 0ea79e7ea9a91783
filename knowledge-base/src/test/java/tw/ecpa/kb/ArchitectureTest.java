package tw.ecpa.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps search technology out of the tree model: {@code tw.ecpa.kb.tree} (the domain) imports no
 * Lucene, OpenNLP or ICU. Scans the source files, so it needs no extra dependency.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/tw/ecpa/kb");
  private static final List<String> SEARCH_TECHNOLOGY = List.of("org.apache.lucene", "opennlp", "com.ibm.icu");

  @Test
  void treePackage_importsNoSearchTechnology() throws IOException {
    List<Path> sources = javaFiles(MAIN.resolve("tree"));
    assertFalse(sources.isEmpty(), "the tree package must exist where this rule looks for it");
    assertEquals(List.of(), offenders(sources, ""));
  }

  @Test
  void searchTechnologyPackages_doImportIt_soTheRuleCanFail() throws IOException {
    assertFalse(offenders(javaFiles(MAIN.resolve("search/lucene")), "").isEmpty());
    assertFalse(offenders(javaFiles(MAIN.resolve("search/opennlp")), "").isEmpty());
    assertFalse(offenders(javaFiles(MAIN.resolve("search/icu")), "").isEmpty());
  }

  @Test
  void searchFeaturePackage_reachesTechnologyOnlyThroughSubPackages() throws IOException {
    List<Path> direct;
    try (Stream<Path> files = Files.list(MAIN.resolve("search"))) {
      direct = files.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertTrue(direct.size() >= 4, "search package sources found");
    assertEquals(List.of(), offenders(direct, ""));
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static List<String> offenders(List<Path> sources, String ignoredSubPath) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path source : sources) {
      if (!ignoredSubPath.isEmpty() && source.toString().replace('\\', '/').contains(ignoredSubPath)) {
        continue;
      }
      for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (l.startsWith("import ")) {
          for (String banned : SEARCH_TECHNOLOGY) {
            if (l.startsWith("import " + banned) || l.startsWith("import static " + banned)) {
              found.add(source.getFileName() + ": " + l);
            }
          }
        }
      }
    }
    return found;
  }
}

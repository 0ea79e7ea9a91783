package tw.ecpa.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps frameworks at the edge: the dialog and conversation packages know no web framework, search
 * engine or cache library; only their technology sub-packages and the composition root may.
 */
class ArchitectureTest {

  private static final Path SOURCES = Path.of("src/main/java/tw/ecpa/bot");
  private static final List<String> FORBIDDEN = List.of(
      "import io.javalin", "import org.eclipse.jetty", "import org.apache.lucene", "import opennlp",
      "import com.github.benmanes.caffeine", "import org.springframework", "import com.fasterxml.jackson");

  @Test
  void domainPackages_importNoFramework() throws IOException {
    List<Path> domain = javaFiles(SOURCES.resolve("dialog"));
    List<Path> conversation = javaFiles(SOURCES.resolve("conversation")).stream()
        .filter(p -> !p.toString().contains("/caffeine/"))
        .toList();
    assertTrue(domain.size() >= 5, "the dialog package is where this rule expects it: " + domain);
    assertTrue(conversation.size() >= 2, "the conversation package is where this rule expects it");
    List<String> violations = new ArrayList<>();
    for (Path file : concat(domain, conversation)) {
      for (String line : Files.readAllLines(file)) {
        if (FORBIDDEN.stream().anyMatch(line::startsWith)) {
          violations.add(file + ": " + line);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void httpAdapter_isTheOnlyPlaceThatKnowsJavalinBesidesTheRoot() throws IOException {
    assertTrue(Files.isRegularFile(SOURCES.resolveSibling("assistant/Server.java")),
        "the composition root builds the product, in tw.ecpa.assistant");
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles(SOURCES)) {
      String path = file.toString();
      boolean allowed = path.contains("/http/");
      if (!allowed && Files.readString(file).contains("import io.javalin")) {
        violations.add(path);
      }
    }
    assertEquals(List.of(), violations);
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}

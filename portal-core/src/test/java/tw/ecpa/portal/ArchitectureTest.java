package tw.ecpa.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the portal's domain free of web and framework types; adapters live in technology sub-packages. */
class ArchitectureTest {

  private static final List<String> FORBIDDEN = List.of(
      "import io.javalin", "import org.eclipse.jetty", "import org.springframework", "import jakarta.servlet",
      "import com.fasterxml.jackson", "import org.apache.lucene");
  private static final List<String> ADAPTER_PACKAGES = List.of("/http/", "/jdbc/", "/smtp/", "/mail/dev/", "/lucene/");

  @Test
  void featurePackages_importNoFramework() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/main/java/tw/ecpa/portal"))) {
      files = walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> ADAPTER_PACKAGES.stream().noneMatch(p.toString()::contains))
          .toList();
    }
    assertTrue(files.stream().anyMatch(p -> p.toString().contains("/identity/")), "the rule guards real packages");
    List<String> violations = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        if (FORBIDDEN.stream().anyMatch(line::startsWith)) {
          violations.add(file + ": " + line);
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}

package tw.ecpa.kb.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

/** The knowledge base shipped in the jar, as files: what the first version in the database is made of. */
public final class ShippedFiles {

  private ShippedFiles() {}

  /** The shipped manifest and every file it lists, by name. */
  public static Map<String, String> read() {
    Map<String, String> files = new LinkedHashMap<>();
    String manifest = resource(KnowledgeBaseLoader.MANIFEST);
    files.put(KnowledgeBaseLoader.MANIFEST, manifest);
    try {
      JsonNode listed = new ObjectMapper().readTree(manifest).path("files");
      for (JsonNode name : listed) {
        files.put(name.asText(), resource(name.asText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String resource(String name) {
    try (InputStream in = ShippedFiles.class.getResourceAsStream("/" + KnowledgeBaseLoader.SHIPPED + name)) {
      if (in == null) {
        throw new IllegalStateException("the shipped knowledge base lacks " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

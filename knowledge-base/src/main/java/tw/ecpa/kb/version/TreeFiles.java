package tw.ecpa.kb.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Edits of a tree kept as its files (manifest and area files), as the console makes them. */
public final class TreeFiles {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TreeFiles() {}

  /**
   * The files with questions added to one node's alternate questions (those it has already are
   * skipped); empty when no file holds the node.
   */
  public static Optional<Map<String, String>> addQuestions(Map<String, String> files, String nodeId,
      List<String> questions) {
    for (Map.Entry<String, String> file : files.entrySet()) {
      try {
        JsonNode doc = JSON.readTree(file.getValue());
        JsonNode nodes = doc.path("nodes");
        for (JsonNode node : nodes) {
          if (nodeId.equals(node.path("id").asText())) {
            ArrayNode list = node.has("questions") ? (ArrayNode) node.get("questions")
                : ((ObjectNode) node).putArray("questions");
            List<String> have = new ArrayList<>();
            list.forEach(q -> have.add(q.asText()));
            questions.stream().filter(q -> !have.contains(q)).distinct().forEach(list::add);
            Map<String, String> out = new LinkedHashMap<>(files);
            out.put(file.getKey(), JSON.writeValueAsString(doc) + "\n");
            return Optional.of(out);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.getKey(), e);
      }
    }
    return Optional.empty();
  }
}

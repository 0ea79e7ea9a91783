package tw.ecpa.kb.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.ecpa.kb.tree.Problem;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

/**
 * Edits of a tree kept as its files (manifest and area files), as the console makes them. Each edit
 * returns new files and leaves the given ones alone; whether the result loads is the loader's to say.
 */
public final class TreeFiles {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The fields a node may have, in the order they are written. */
  private static final List<String> FIELDS = List.of("id", "type", "title", "prompt", "options", "text", "steps",
      "links", "related", "action", "questions", "keywords", "symptoms", "source");

  private TreeFiles() {}

  /** What an edit came to. */
  public sealed interface Edit {}

  /** The edited files. */
  public record Edited(Map<String, String> files) implements Edit {}

  /** The edit could not be made; nothing changed. */
  public record Refused(List<Problem> problems) implements Edit {

    public Refused {
      problems = List.copyOf(problems);
    }

    static Refused of(String nodeId, String field, String message, String editorMessage) {
      return new Refused(List.of(new Problem(KnowledgeBaseLoader.MANIFEST, nodeId, field, message, editorMessage)));
    }
  }

  /**
   * The files with questions added to one node's alternate questions (those it has already are
   * skipped); empty when no file holds the node.
   */
  public static Optional<Map<String, String>> addQuestions(Map<String, String> files, String nodeId,
      List<String> questions) {
    Tree tree = new Tree(files);
    return tree.find(nodeId).map(found -> {
      ObjectNode node = found.node();
      ArrayNode list = node.has("questions") ? (ArrayNode) node.get("questions") : node.putArray("questions");
      List<String> have = new ArrayList<>();
      list.forEach(q -> have.add(q.asText()));
      questions.stream().filter(q -> !have.contains(q)).distinct().forEach(list::add);
      tree.touch(found.file());
      return tree.files();
    });
  }

  /**
   * Puts a node: replaces the node with its id, or adds a new one to the parent menu's file with an
   * option to it at the end of the parent's options. Unknown fields are dropped, empty optional ones
   * left out, and a replaced node keeps its {@code source} and {@code symptoms} unless given.
   *
   * @param node the node's fields as the console sends them (JSON values)
   * @param parent the menu a new node goes under; ignored when the node exists
   */
  public static Edit putNode(Map<String, String> files, Map<String, ?> node, String parent) {
    if (!(node.get("id") instanceof String id) || id.isBlank()) {
      return Refused.of(null, "id", "a node needs an id", "請輸入節點代碼。");
    }
    Tree tree = new Tree(files);
    ObjectNode clean = clean(node);
    Optional<Found> existing = tree.find(id);
    if (existing.isPresent()) {
      // The console's form does not edit these: a replaced node keeps them unless they are given.
      for (String kept : List.of("source", "symptoms")) {
        if (!clean.has(kept) && existing.get().node().has(kept)) {
          clean.set(kept, existing.get().node().get(kept));
        }
      }
      existing.get().list().set(existing.get().index(), ordered(clean));
      tree.touch(existing.get().file());
      return new Edited(tree.files());
    }
    Optional<Found> menu = Optional.ofNullable(parent).flatMap(tree::find)
        .filter(f -> "menu".equals(f.node().path("type").asText()));
    if (menu.isEmpty()) {
      return Refused.of(id, "parent", "a new node needs a parent menu", "新節點要放在哪個選單下？請選擇上層選單。");
    }
    if (!clean.has("source")) {
      clean.put("source", "editorial");
    }
    menu.get().list().add(ordered(clean));
    String title = clean.path("title").asText();
    options(menu.get().node()).addObject().put("label", title.isBlank() ? id : title).put("target", id);
    tree.touch(menu.get().file());
    return new Edited(tree.files());
  }

  /**
   * Deletes a node and every mention of it: options leading to it, related ids and synonym groups'
   * node lists. A menu left without options then fails validation, as it should.
   */
  public static Edit deleteNode(Map<String, String> files, String id) {
    Tree tree = new Tree(files);
    if (id.equals(tree.manifest().path("root").asText())) {
      return Refused.of(id, null, "the root menu cannot be deleted", "主選單不能刪除。");
    }
    Optional<Found> found = tree.find(id);
    if (found.isEmpty()) {
      return Refused.of(id, null, "no such node", "找不到此節點：" + id);
    }
    found.get().list().remove(found.get().index());
    tree.touch(found.get().file());
    tree.eachNode((file, node) -> {
      boolean changed = removeWhere(node.path("options"), o -> id.equals(o.path("target").asText()));
      changed |= removeWhere(node.path("related"), r -> id.equals(r.asText()));
      if (changed) {
        tree.touch(file);
      }
    });
    for (JsonNode group : tree.manifest().path("synonyms")) {
      if (removeWhere(group.path("nodes"), n -> id.equals(n.asText()))) {
        tree.touch(KnowledgeBaseLoader.MANIFEST);
      }
    }
    return new Edited(tree.files());
  }

  /**
   * Moves a node's option from one menu to another (to the end of its options, with the same label),
   * or, without {@code from}, adds an option to it under {@code to} labelled with its title.
   */
  public static Edit moveNode(Map<String, String> files, String id, String from, String to) {
    Tree tree = new Tree(files);
    Optional<Found> node = tree.find(id);
    if (node.isEmpty()) {
      return Refused.of(id, null, "no such node", "找不到此節點：" + id);
    }
    Optional<Found> target = tree.find(to).filter(f -> "menu".equals(f.node().path("type").asText()));
    if (target.isEmpty()) {
      return Refused.of(id, "parent", "the target is not a menu", "請選擇要移到哪個選單。");
    }
    if (has(target.get().node().path("options"), o -> id.equals(o.path("target").asText()))) {
      return Refused.of(id, "parent", "the target menu has an option to the node already",
          "「" + target.get().node().path("title").asText() + "」已有通往此節點的選項。");
    }
    String label = node.get().node().path("title").asText();
    if (from != null && !from.equals(to)) {
      Optional<Found> source = tree.find(from).filter(f -> "menu".equals(f.node().path("type").asText()));
      Optional<JsonNode> option = source.flatMap(s -> first(s.node().path("options"),
          o -> id.equals(o.path("target").asText())));
      if (option.isEmpty()) {
        return Refused.of(id, "parent", "the node is not an option of " + from, "此節點不在原本的選單「" + from + "」下。");
      }
      label = option.get().path("label").asText();
      removeWhere(source.get().node().path("options"), o -> id.equals(o.path("target").asText()));
      tree.touch(source.get().file());
    }
    options(target.get().node()).addObject().put("label", label).put("target", id);
    tree.touch(target.get().file());
    return new Edited(tree.files());
  }

  /** Replaces the manifest's synonym groups; each group is {@code {"terms": [...], "nodes": [...]}}. */
  public static Edit setSynonyms(Map<String, String> files, List<? extends Map<String, ?>> groups) {
    Tree tree = new Tree(files);
    ArrayNode out = JSON.createArrayNode();
    for (Map<String, ?> group : groups) {
      ObjectNode g = out.addObject();
      g.set("terms", strings(group.get("terms")));
      ArrayNode nodes = strings(group.get("nodes"));
      if (!nodes.isEmpty()) {
        g.set("nodes", nodes);
      }
    }
    if (out.isEmpty()) {
      tree.manifest().remove("synonyms");
    } else {
      tree.manifest().set("synonyms", out);
    }
    tree.touch(KnowledgeBaseLoader.MANIFEST);
    return new Edited(tree.files());
  }

  private static ObjectNode clean(Map<String, ?> given) {
    ObjectNode node = JSON.valueToTree(given);
    ObjectNode out = JSON.createObjectNode();
    String type = node.path("type").asText();
    List<String> notOfType = "menu".equals(type) ? List.of("text", "steps", "links", "related", "action", "symptoms")
        : "answer".equals(type) ? List.of("prompt", "options") : List.of();
    for (String field : FIELDS) {
      JsonNode value = notOfType.contains(field) ? null : node.get(field);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank() && isOptional(field))) {
        continue;
      }
      if (value.isArray() && value.isEmpty() && !"options".equals(field)) {
        continue;
      }
      out.set(field, value.isTextual() ? JSON.getNodeFactory().textNode(value.asText().strip()) : value);
    }
    return out;
  }

  private static boolean isOptional(String field) {
    return !List.of("id", "type", "title").contains(field);
  }

  private static ObjectNode ordered(ObjectNode node) {
    ObjectNode out = JSON.createObjectNode();
    FIELDS.stream().filter(node::has).forEach(f -> out.set(f, node.get(f)));
    return out;
  }

  private static ArrayNode strings(Object value) {
    ArrayNode out = JSON.createArrayNode();
    if (value instanceof List<?> list) {
      list.forEach(v -> out.add(v == null ? "" : v.toString().strip()));
    }
    return out;
  }

  private static ArrayNode options(ObjectNode menu) {
    return menu.has("options") ? (ArrayNode) menu.get("options") : menu.putArray("options");
  }

  private static boolean removeWhere(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    boolean removed = false;
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      if (test.test(it.next())) {
        it.remove();
        removed = true;
      }
    }
    return removed;
  }

  private static boolean has(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    return first(array, test).isPresent();
  }

  private static Optional<JsonNode> first(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    for (JsonNode element : array) {
      if (test.test(element)) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  /** Where a node is: its file, the file's node list and its place there. */
  private record Found(String file, ArrayNode list, int index) {
    ObjectNode node() {
      return (ObjectNode) list.get(index);
    }
  }

  /** The files read as JSON trees, written back as text for those an edit touched. */
  private static final class Tree {
    private final Map<String, String> original;
    private final Map<String, JsonNode> docs = new LinkedHashMap<>();
    private final java.util.Set<String> touched = new java.util.HashSet<>();

    Tree(Map<String, String> files) {
      this.original = files;
      files.forEach((name, text) -> {
        try {
          docs.put(name, JSON.readTree(text));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + name, e);
        }
      });
    }

    ObjectNode manifest() {
      return (ObjectNode) docs.get(KnowledgeBaseLoader.MANIFEST);
    }

    Optional<Found> find(String id) {
      for (Map.Entry<String, JsonNode> doc : docs.entrySet()) {
        if (doc.getValue().path("nodes") instanceof ArrayNode nodes) {
          for (int i = 0; i < nodes.size(); i++) {
            if (id.equals(nodes.get(i).path("id").asText())) {
              return Optional.of(new Found(doc.getKey(), nodes, i));
            }
          }
        }
      }
      return Optional.empty();
    }

    void eachNode(java.util.function.BiConsumer<String, ObjectNode> action) {
      docs.forEach((name, doc) -> doc.path("nodes").forEach(n -> {
        if (n instanceof ObjectNode node) {
          action.accept(name, node);
        }
      }));
    }

    void touch(String file) {
      touched.add(file);
    }

    Map<String, String> files() {
      Map<String, String> out = new LinkedHashMap<>(original);
      for (String name : touched) {
        try {
          out.put(name, JSON.writeValueAsString(docs.get(name)) + "\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return out;
    }
  }
}

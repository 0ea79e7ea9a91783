package tw.ecpa.kb.tree.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.Link;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Node;
import tw.ecpa.kb.tree.Option;
import tw.ecpa.kb.tree.Problem;
import tw.ecpa.kb.tree.Source;
import tw.ecpa.kb.tree.Symptom;
import tw.ecpa.kb.tree.SynonymGroup;
import tw.ecpa.kb.tree.Validator;

/**
 * Reads a knowledge base from its JSON files (a manifest naming the node files) and validates it.
 *
 * <p>The shipped knowledge base is on the classpath under {@code kb/}; editors may point the server at
 * a directory with the same layout.
 */
public final class KnowledgeBaseLoader {

  /** The manifest's file name inside a knowledge-base folder. */
  public static final String MANIFEST = "knowledge-base.json";

  /** The classpath folder of the shipped knowledge base. */
  public static final String SHIPPED = "kb/";

  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private KnowledgeBaseLoader() {}

  /** Loads the knowledge base shipped inside the application. */
  public static LoadResult shipped() {
    return fromClasspath(SHIPPED);
  }

  /** Loads a knowledge base from a classpath folder such as {@code kb/}. */
  public static LoadResult fromClasspath(String folder) {
    String prefix = folder.endsWith("/") ? folder : folder + "/";
    return load(name -> {
      try (InputStream in = KnowledgeBaseLoader.class.getClassLoader().getResourceAsStream(prefix + name)) {
        return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Loads a knowledge base from a folder on disk. */
  public static LoadResult fromDirectory(Path folder) {
    return load(name -> {
      try {
        return Optional.of(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Loads a knowledge base from in-memory files, keyed by file name (the manifest under {@link #MANIFEST}). */
  public static LoadResult fromFiles(Map<String, String> files) {
    return load(name -> Optional.ofNullable(files.get(name)));
  }

  private static LoadResult load(Function<String, Optional<String>> read) {
    List<Problem> problems = new ArrayList<>();
    Optional<KbFiles.Manifest> manifest = parse(read, MANIFEST, KbFiles.Manifest.class, problems);
    if (manifest.isEmpty()) {
      return new LoadResult.Invalid(problems);
    }
    KbFiles.Manifest m = manifest.get();
    if (m.format() == null || m.format() != FORMAT) {
      problems.add(new Problem(MANIFEST, null, "format must be " + FORMAT + ", was " + m.format()));
    }
    if (m.root() == null || m.root().isBlank()) {
      problems.add(new Problem(MANIFEST, null, "root is missing"));
    }
    if (m.files() == null || m.files().isEmpty()) {
      problems.add(new Problem(MANIFEST, null, "files is missing or empty"));
    }
    if (!problems.isEmpty()) {
      return new LoadResult.Invalid(problems);
    }

    List<Node> nodes = new ArrayList<>();
    Map<String, List<String>> filesOfNode = new HashMap<>();
    Set<String> seenFiles = new LinkedHashSet<>();
        for (String file : m.files()) {
      if (!seenFiles.add(file)) {
        problems.add(new Problem(MANIFEST, null, "file '" + file + "' is listed twice"));
        continue;
      }
      parse(read, file, KbFiles.NodeFile.class, problems).ifPresent(nodeFile -> {
        if (nodeFile.nodes() == null || nodeFile.nodes().isEmpty()) {
          problems.add(new Problem(file, null, "holds no nodes"));
          return;
        }
        for (KbFiles.NodeJson json : nodeFile.nodes()) {
          toNode(file, json, problems).ifPresent(node -> {
            nodes.add(node);
            filesOfNode.computeIfAbsent(node.id(), id -> new ArrayList<>()).add(file);
          });
        }
      });
    }

    List<SynonymGroup> synonyms = new ArrayList<>();
    for (KbFiles.SynonymJson s : orEmpty(m.synonyms())) {
      synonyms.add(new SynonymGroup(orEmpty(s.terms()), orEmpty(s.nodes())));
    }
    if (!problems.isEmpty()) {
      return new LoadResult.Invalid(problems);
    }

    List<Problem> treeProblems = Validator.validate(MANIFEST, m.root(), nodes, synonyms);
    for (Problem p : treeProblems) {
      String file = p.nodeId() != null && filesOfNode.containsKey(p.nodeId())
          ? String.join(", ", new LinkedHashSet<>(filesOfNode.get(p.nodeId())))
          : MANIFEST;
      problems.add(p.in(file));
    }
    return problems.isEmpty()
        ? new LoadResult.Loaded(new KnowledgeBase(m.root(), nodes, synonyms,
            stripped(m.outOfScope()), stripped(m.outsideTerms())))
        : new LoadResult.Invalid(problems);
  }

  private static List<String> stripped(List<String> texts) {
    return orEmpty(texts).stream().filter(q -> q != null && !q.isBlank()).map(String::strip).toList();
  }

  private static Optional<Node> toNode(String file, KbFiles.NodeJson json, List<Problem> problems) {
    String id = json.id();
    if (id == null || id.isBlank()) {
      problems.add(new Problem(file, null, "a node has no id (title '" + json.title() + "')"));
      return Optional.empty();
    }
    if (json.title() == null) {
      problems.add(new Problem(file, id, "title", "title is missing", "請輸入標題。"));
      return Optional.empty();
    }
    Source source = parseSource(json.source());
    if (source == null) {
      problems.add(new Problem(file, id, "source", "source must be \"editorial\" or \"<seed file> § <section>\"",
          "出處請填 editorial，或「種子文件 § 章節」。"));
      return Optional.empty();
    }
    if ("menu".equals(json.type())) {
      if (json.text() != null || json.steps() != null || json.links() != null || json.related() != null
          || json.action() != null || json.symptoms() != null) {
        problems.add(new Problem(file, id, "type", "a menu takes no text, steps, links, related, action or symptoms",
            "選單不能有說明文字、步驟、連結、相關問題、動作或症狀。"));
      }
      List<Option> options = new ArrayList<>();
      for (KbFiles.OptionJson o : orEmpty(json.options())) {
        if (o.label() == null || o.target() == null) {
          problems.add(new Problem(file, id, "options", "an option needs a label and a target",
              "每個選項都要有文字及指向的節點。"));
        } else {
          options.add(new Option(o.label(), o.target()));
        }
      }
      return Optional.of(new MenuNode(id, json.title(), json.prompt(), options,
          orEmpty(json.questions()), orEmpty(json.keywords()), source));
    }
    if ("answer".equals(json.type())) {
      if (json.options() != null || json.prompt() != null) {
        problems.add(new Problem(file, id, "type", "an answer takes no options or prompt (use related)",
            "答案不能有選項或提示語（請改用相關問題）。"));
      }
      List<Link> links = new ArrayList<>();
      for (KbFiles.LinkJson l : orEmpty(json.links())) {
        if (l.label() == null || l.url() == null) {
          problems.add(new Problem(file, id, "links", "a link needs a label and a url", "每個連結都要有文字及網址。"));
        } else {
          links.add(new Link(l.label(), l.url()));
        }
      }
      if (json.action() != null && !json.action().matches("[a-z][a-z0-9.-]{0,60}")) {
        problems.add(new Problem(file, id, "action",
            "an action is a short id of lower-case letters, digits, '.' and '-'", "動作代碼格式不正確。"));
      }
      List<Symptom> symptoms = new ArrayList<>();
      for (KbFiles.SymptomJson sj : orEmpty(json.symptoms())) {
        Source from = sj.source() == null ? null : parseSource(sj.source());
        if (sj.text() == null || sj.text().isBlank() || from == null) {
          problems.add(new Problem(file, id, "symptoms",
              "a symptom needs a text and a source (\"editorial\" or \"<seed file> § <section>\")",
              "每個症狀都要有描述及出處。"));
        } else {
          symptoms.add(new Symptom(sj.text().strip(), from));
        }
      }
      return Optional.of(new AnswerNode(id, json.title(), json.text(), orEmpty(json.steps()), links,
          orEmpty(json.related()), orEmpty(json.questions()), orEmpty(json.keywords()), source, json.action(),
          symptoms));
    }
    problems.add(new Problem(file, id, "type", "type must be \"menu\" or \"answer\", was " + json.type(),
        "類型必須是選單或答案。"));
    return Optional.empty();
  }

  private static Source parseSource(String source) {
    if (source == null || source.isBlank()) {
      return null;
    }
    if (source.equals("editorial")) {
      return Source.EDITORIAL;
    }
    int mark = source.indexOf('§');
    if (mark <= 0) {
      return null;
    }
    String seed = source.substring(0, mark).trim();
    String section = source.substring(mark + 1).trim();
    return seed.isEmpty() || section.isEmpty() ? null : new Source(seed, section);
  }

  private static <T> Optional<T> parse(
      Function<String, Optional<String>> read, String file, Class<T> type, List<Problem> problems) {
    Optional<String> text = read.apply(file);
    if (text.isEmpty()) {
      problems.add(new Problem(file, null, "file not found"));
      return Optional.empty();
    }
    try {
      T value = JSON.readValue(text.get(), type);
      if (value == null) {
        problems.add(new Problem(file, null, "file is empty"));
      }
      return Optional.ofNullable(value);
    } catch (JsonProcessingException e) {
      problems.add(new Problem(file, null, "not valid knowledge-base JSON: " + e.getOriginalMessage()
          + location(e)));
      return Optional.empty();
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}

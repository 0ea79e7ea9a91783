package tw.ecpa.kb.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.ecpa.kb.search.SearchSettings.Meaning;
import tw.ecpa.kb.search.embedding.BgeSmallZh;
import tw.ecpa.kb.search.embedding.Semantics;
import tw.ecpa.kb.search.embedding.VectorCache;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;

/** Writes each question's candidates and their features as JSON lines, for analysis: {@code CandidateDump OUT SET.jsonl...}. */
public final class CandidateDump {

  private CandidateDump() {}

  public static void main(String[] args) throws Exception {
    KnowledgeBase kb = KnowledgeBaseLoader.shipped().orThrow();
    Semantics semantics = Semantics.of(BgeSmallZh.shared(), VectorCache.in(Path.of("target/embedding-cache")));
    SearchSettings base = SearchSettings.fused().withMeaning(new Meaning(0.6, 0.55, 0.95, 0.9, 0.4, 0.8, 0, 0.2, 9));
    ObjectMapper json = new ObjectMapper();
    try (QuestionIndex index = QuestionIndex.build(kb, base, semantics);
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
      for (int a = 1; a < args.length; a++) {
        String name = Path.of(args[a]).getFileName().toString();
        for (String line : Files.readAllLines(Path.of(args[a]))) {
          if (line.isBlank()) {
            continue;
          }
          Map<?, ?> item = json.readValue(line, Map.class);
          String q = (String) item.get("q");
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("set", name);
          row.put("q", q);
          row.put("kind", item.get("kind"));
          row.put("expect", item.get("expect"));
          List<List<Object>> cands = new ArrayList<>();
          for (CandidateFeatures.Featured f : index.featured(q)) {
            List<Object> c = new ArrayList<>();
            c.add(f.nodeId());
            for (double v : f.x()) {
              c.add(v);
            }
            cands.add(c);
          }
          row.put("cands", cands);
          row.put("sure", index.rank(q, 4).stream().map(Candidate::confidence).findFirst().orElse(0.0) > 0.99);
          out.println(json.writeValueAsString(row));
        }
      }
    }
  }
}

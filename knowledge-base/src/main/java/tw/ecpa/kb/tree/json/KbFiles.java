package tw.ecpa.kb.tree.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Wire records of the knowledge-base JSON files (see {@code knowledge-base/KB-FORMAT.md}). */
final class KbFiles {

  private KbFiles() {}

  /** The manifest: format version, root menu, the node files in order, and synonym groups. */
  record Manifest(Integer format, String root, List<String> files, List<SynonymJson> synonyms,
      List<String> outOfScope, List<String> outsideTerms) {}

  /** A node file: a list of nodes. */
  record NodeFile(List<NodeJson> nodes) {}

  /** One node; {@code type} says which fields apply. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record NodeJson(
      String id,
      String type,
      String title,
      String prompt,
      List<OptionJson> options,
      String text,
      List<String> steps,
      List<LinkJson> links,
      List<String> related,
      List<String> questions,
      List<String> keywords,
      List<SymptomJson> symptoms,
      String source,
      String action) {}

  record OptionJson(String label, String target) {}

  record LinkJson(String label, String url) {}

  record SymptomJson(String text, String source) {}

  record SynonymJson(List<String> terms, List<String> nodes) {}
}

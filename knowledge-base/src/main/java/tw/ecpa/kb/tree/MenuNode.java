package tw.ecpa.kb.tree;

import java.util.List;
import java.util.Objects;

/**
 * A guided menu: a title, a prompt and ordered options, each leading to another node.
 *
 * @param id stable node id
 * @param title the menu title as shown in the bot (for example 人事服務網登入相關問題)
 * @param prompt the question under the title (for example 請問您是以何種方式登入的呢~)
 * @param options the options in display order
 * @param questions alternate questions that open this menu
 * @param keywords extra search terms
 * @param source where the content comes from
 */
public record MenuNode(
    String id,
    String title,
    String prompt,
    List<Option> options,
    List<String> questions,
    List<String> keywords,
    Source source)
    implements Node {

  public MenuNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    prompt = prompt == null ? "" : prompt;
    options = List.copyOf(options);
    questions = List.copyOf(questions);
    keywords = List.copyOf(keywords);
    Objects.requireNonNull(source, "source");
  }
}

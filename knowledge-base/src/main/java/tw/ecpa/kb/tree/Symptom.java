package tw.ecpa.kb.tree;

import java.util.Objects;

/**
 * What a user sees when the problem an answer solves happens, in the user's own words (插卡後一直轉圈圈,
 * 視窗跳出來又關掉), with the part of the seeds that shows it belongs to that answer.
 *
 * @param text the symptom as a user would describe it
 * @param source where the seeds describe this problem
 */
public record Symptom(String text, Source source) {

  public Symptom {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
  }
}

package tw.ecpa.bot.dialog;

import java.util.List;
import java.util.Objects;

/**
 * A form the bot asks the user to fill in inside the chat (the password reset, the mailbox
 * re-verification). The client renders proper inputs and sends the values back as a form turn with
 * this id; the conversation keeps only which form it waits for, never the values.
 *
 * @param id the form id the submission must name
 * @param fields the inputs, in order
 * @param captcha the image captcha to solve with the {@code captchaAnswer} field, or {@code null}
 * @param submitLabel the label of the submit button
 */
public record Form(String id, List<Field> fields, Captcha captcha, String submitLabel) {

  /** What kind of input a field is. */
  public enum FieldType {
    TEXT, EMAIL, PASSWORD, CHECKBOX, CAPTCHA;

    /** The wire name ({@code text}, {@code password}, …). */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One input.
   *
   * @param name the key of its value in the submission
   * @param label the zh-TW label
   * @param type the kind of input ({@code password} inputs are masked and never echoed)
   * @param required whether it must be filled in
   * @param maxLength the most characters accepted
   * @param hint a zh-TW hint shown under it, or {@code null}
   */
  public record Field(String name, String label, FieldType type, boolean required, int maxLength, String hint) {

    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * An image captcha: the client shows the image and sends {@code captchaId} back with the answer.
   *
   * @param id the captcha id
   * @param image the PNG data URL
   * @param answer the answer, only when the server runs with {@code CAPTCHA_MODE=test}; else {@code null}
   */
  public record Captcha(String id, String image, String answer) {}

  public Form {
    Objects.requireNonNull(id, "id");
    fields = List.copyOf(fields);
    Objects.requireNonNull(submitLabel, "submitLabel");
  }
}

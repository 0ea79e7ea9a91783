package tw.ecpa.bot.dialog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import tw.ecpa.kb.tree.Link;

/**
 * One message from the bot.
 *
 * @param type what kind of message it is
 * @param text plain zh-TW text; clients render it as text, never as HTML
 * @param answerId the knowledge-base node id on answers and menus, {@code fallback} when nothing fits,
 *     {@code did-you-mean} on a clarifying question, {@code null} on notices
 * @param options clickable options, in order
 * @param links links shown under the text
 * @param time when the message was written, in Taiwan time
 * @param form the form to fill in, on {@code form} messages; {@code null} otherwise
 * @param action what the widget should do, on {@code action} messages; {@code null} otherwise
 */
public record Message(
    Type type, String text, String answerId, List<Choice> options, List<Link> links, OffsetDateTime time,
    Form form, ClientAction action) {

  /** A message with a form (or none), without a client action. */
  public Message(Type type, String text, String answerId, List<Choice> options, List<Link> links,
      OffsetDateTime time, Form form) {
    this(type, text, answerId, options, links, time, form, null);
  }

  /** A message without a form. */
  public Message(Type type, String text, String answerId, List<Choice> options, List<Link> links,
      OffsetDateTime time) {
    this(type, text, answerId, options, links, time, null, null);
  }

  /** The time a message is stamped with now: Taiwan time, to the second. */
  public static OffsetDateTime stampedNow(java.time.Clock clock) {
    return OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Taipei")).withNano(0);
  }

  /** The kinds of message of the chat API. */
  public enum Type {
    ANSWER, MENU, FALLBACK, FORM, ACTION, NOTICE;

    /** The wire name ({@code answer}, {@code menu}, …). */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A clickable option.
   *
   * @param id the opaque id the client sends back as {@code optionId}
   * @param label the zh-TW label
   */
  public record Choice(String id, String label) {}

  public Message {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    options = List.copyOf(options);
    links = List.copyOf(links);
    Objects.requireNonNull(time, "time");
    if ((type == Type.FORM) != (form != null)) {
      throw new IllegalArgumentException("a form message carries a form, and only a form message does");
    }
    if ((type == Type.ACTION) != (action != null)) {
      throw new IllegalArgumentException("an action message carries an action, and only an action message does");
    }
  }
}

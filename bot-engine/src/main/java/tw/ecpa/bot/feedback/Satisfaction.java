package tw.ecpa.bot.feedback;

import java.time.Instant;
import java.util.Objects;

/**
 * One answer to the satisfaction survey (滿意度調查) at the end of a conversation.
 *
 * @param conversationHash the SHA-256 of the conversation id
 * @param score 1 (very unsatisfied) to 5 (very satisfied)
 * @param comment an optional comment, identity numbers masked, or {@code null}
 * @param lastNodeId the knowledge-base node the conversation was at, or {@code null}
 * @param answeredAt when it was given
 */
public record Satisfaction(String conversationHash, int score, String comment, String lastNodeId,
    Instant answeredAt) {

  /** The longest comment kept, in characters. */
  public static final int MAX_COMMENT = 500;

  public Satisfaction {
    Objects.requireNonNull(conversationHash, "conversationHash");
    Objects.requireNonNull(answeredAt, "answeredAt");
    if (score < 1 || score > 5) {
      throw new IllegalArgumentException("score must be 1 to 5");
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new IllegalArgumentException("comment over " + MAX_COMMENT + " characters");
    }
  }
}

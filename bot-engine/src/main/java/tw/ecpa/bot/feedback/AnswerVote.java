package tw.ecpa.bot.feedback;

import java.time.Instant;
import java.util.Objects;

/**
 * A thumbs up or down on one answer of one conversation.
 *
 * @param conversationHash the SHA-256 of the conversation id
 * @param answerId the knowledge-base node voted on
 * @param helpful thumbs up
 * @param votedAt when
 */
public record AnswerVote(String conversationHash, String answerId, boolean helpful, Instant votedAt) {

  public AnswerVote {
    Objects.requireNonNull(conversationHash, "conversationHash");
    Objects.requireNonNull(answerId, "answerId");
    Objects.requireNonNull(votedAt, "votedAt");
  }

  /**
   * The votes on one answer.
   *
   * @param answerId the node
   * @param helpful thumbs up
   * @param unhelpful thumbs down
   */
  public record Tally(String answerId, int helpful, int unhelpful) {}
}

package tw.ecpa.bot.feedback;

import java.util.List;

/** Where users' feedback on the bot is kept for the knowledge staff. */
public interface FeedbackStore {

  /** Keeps a survey answer; a second answer for the same conversation replaces the first. */
  void save(Satisfaction satisfaction);

  /** The most recent survey answers, newest first. */
  List<Satisfaction> recent(int count);

  /** Keeps a vote; a second vote on the same answer in the same conversation replaces the first. */
  void vote(AnswerVote vote);

  /** The votes per answer, the most thumbs-down first. */
  List<AnswerVote.Tally> tallies();
}

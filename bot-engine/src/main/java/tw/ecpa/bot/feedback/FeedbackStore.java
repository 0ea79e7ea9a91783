package tw.ecpa.bot.feedback;

import java.util.List;

/** Where users' feedback on the bot is kept for the knowledge staff. */
public interface FeedbackStore {

  /** Keeps a survey answer; a second answer for the same conversation replaces the first. */
  void save(Satisfaction satisfaction);

  /** The most recent survey answers, newest first. */
  List<Satisfaction> recent(int count);
}

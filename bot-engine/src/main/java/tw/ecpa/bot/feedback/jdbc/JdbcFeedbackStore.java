package tw.ecpa.bot.feedback.jdbc;

import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import tw.ecpa.bot.feedback.AnswerVote;
import tw.ecpa.bot.feedback.FeedbackStore;
import tw.ecpa.bot.feedback.Satisfaction;
import tw.ecpa.portal.jdbc.Jdbc;

/** Feedback in the product's database (tables {@code chat_satisfaction}, V5, and {@code chat_answer_vote}, V6). */
public final class JdbcFeedbackStore implements FeedbackStore {

  private final Jdbc jdbc;

  /** Creates the store over the migrated database's connections. */
  public JdbcFeedbackStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public void save(Satisfaction s) {
    replace("DELETE FROM chat_satisfaction WHERE conversation_hash = ?", new Object[] {s.conversationHash()},
        "INSERT INTO chat_satisfaction (conversation_hash, score, comment, last_node_id, answered_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        new Object[] {s.conversationHash(), s.score(), s.comment(), s.lastNodeId(), s.answeredAt()});
  }

  @Override
  public List<Satisfaction> recent(int count) {
    return jdbc.list("SELECT * FROM chat_satisfaction ORDER BY answered_at DESC LIMIT ?",
        rs -> new Satisfaction(rs.getString("conversation_hash"), rs.getInt("score"), rs.getString("comment"),
            rs.getString("last_node_id"), Jdbc.instant(rs, "answered_at")),
        count);
  }

  @Override
  public void vote(AnswerVote v) {
    replace("DELETE FROM chat_answer_vote WHERE conversation_hash = ? AND answer_id = ?",
        new Object[] {v.conversationHash(), v.answerId()},
        "INSERT INTO chat_answer_vote (conversation_hash, answer_id, helpful, voted_at) VALUES (?, ?, ?, ?)",
        new Object[] {v.conversationHash(), v.answerId(), v.helpful(), v.votedAt()});
  }

  @Override
  public List<AnswerVote.Tally> tallies() {
    return jdbc.list("SELECT answer_id,"
            + " SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS down"
            + " FROM chat_answer_vote GROUP BY answer_id ORDER BY down DESC, answer_id",
        rs -> new AnswerVote.Tally(rs.getString("answer_id"), rs.getInt("up"), rs.getInt("down")));
  }

  /** One answer per key: the old row goes and the new one comes in one transaction. */
  private void replace(String delete, Object[] key, String insert, Object[] row) {
    jdbc.transaction(c -> {
      try (PreparedStatement d = Jdbc.prepare(c, delete, key); PreparedStatement i = Jdbc.prepare(c, insert, row)) {
        d.executeUpdate();
        i.executeUpdate();
      }
      return null;
    });
  }
}

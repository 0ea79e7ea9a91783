package tw.ecpa.bot.feedback.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import tw.ecpa.bot.feedback.AnswerVote;
import tw.ecpa.bot.feedback.FeedbackStore;
import tw.ecpa.bot.feedback.Satisfaction;

/** Feedback in the product's database (tables {@code chat_satisfaction}, V5, and {@code chat_answer_vote}, V6). */
public final class JdbcFeedbackStore implements FeedbackStore {

  private final DataSource dataSource;

  /** Creates the store over the migrated database's connections. */
  public JdbcFeedbackStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void save(Satisfaction s) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM chat_satisfaction WHERE conversation_hash = ?");
          PreparedStatement insert = c.prepareStatement("INSERT INTO chat_satisfaction (conversation_hash, score,"
              + " comment, last_node_id, answered_at) VALUES (?, ?, ?, ?, ?)")) {
        delete.setString(1, s.conversationHash());
        delete.executeUpdate();
        insert.setString(1, s.conversationHash());
        insert.setInt(2, s.score());
        insert.setString(3, s.comment());
        insert.setString(4, s.lastNodeId());
        insert.setObject(5, OffsetDateTime.ofInstant(s.answeredAt(), ZoneOffset.UTC));
        insert.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database failure saving a satisfaction answer", e);
    }
  }

  @Override
  public List<Satisfaction> recent(int count) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT * FROM chat_satisfaction ORDER BY answered_at DESC LIMIT ?")) {
      s.setInt(1, count);
      List<Satisfaction> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Satisfaction(rs.getString("conversation_hash"), rs.getInt("score"), rs.getString("comment"),
              rs.getString("last_node_id"), rs.getObject("answered_at", OffsetDateTime.class).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("database failure reading satisfaction answers", e);
    }
  }

  @Override
  public void vote(AnswerVote v) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete = c.prepareStatement(
              "DELETE FROM chat_answer_vote WHERE conversation_hash = ? AND answer_id = ?");
          PreparedStatement insert = c.prepareStatement("INSERT INTO chat_answer_vote (conversation_hash, answer_id,"
              + " helpful, voted_at) VALUES (?, ?, ?, ?)")) {
        delete.setString(1, v.conversationHash());
        delete.setString(2, v.answerId());
        delete.executeUpdate();
        insert.setString(1, v.conversationHash());
        insert.setString(2, v.answerId());
        insert.setBoolean(3, v.helpful());
        insert.setObject(4, OffsetDateTime.ofInstant(v.votedAt(), ZoneOffset.UTC));
        insert.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database failure saving a vote", e);
    }
  }

  @Override
  public List<AnswerVote.Tally> tallies() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT answer_id,"
            + " SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS down"
            + " FROM chat_answer_vote GROUP BY answer_id ORDER BY down DESC, answer_id");
        ResultSet rs = s.executeQuery()) {
      List<AnswerVote.Tally> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new AnswerVote.Tally(rs.getString("answer_id"), rs.getInt("up"), rs.getInt("down")));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("database failure reading votes", e);
    }
  }
}

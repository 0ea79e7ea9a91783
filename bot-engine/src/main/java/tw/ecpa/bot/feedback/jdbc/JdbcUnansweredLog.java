package tw.ecpa.bot.feedback.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.bot.dialog.QuestionLog;
import tw.ecpa.kb.version.Unanswered;
import tw.ecpa.portal.identity.IdNumber;

/**
 * Unanswered and unsure questions in the product's database (table {@code chat_unanswered}, V9):
 * identity numbers, e-mail addresses and long digit runs (phone numbers, codes) are masked before
 * anything is stored. A failure to store never fails the chat turn.
 */
public final class JdbcUnansweredLog implements QuestionLog {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcUnansweredLog.class);
  private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-]{1,2})[A-Za-z0-9._%+-]*@");
  private static final Pattern DIGITS = Pattern.compile("\\d{6,}");

  private final DataSource dataSource;
  private final Clock clock;

  /** Creates the log over the migrated database's connections. */
  public JdbcUnansweredLog(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** A question as it may be kept. */
  static String mask(String question) {
    String masked = IdNumber.redact(question.strip());
    masked = EMAIL.matcher(masked).replaceAll("$1***@");
    masked = DIGITS.matcher(masked).replaceAll(m -> "*".repeat(m.group().length()));
    return masked.length() > 500 ? masked.substring(0, 500) : masked;
  }

  @Override
  public void unanswered(String question, String outcome) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "INSERT INTO chat_unanswered (question, outcome, asked_at) VALUES (?, ?, ?)")) {
      s.setString(1, mask(question));
      s.setString(2, outcome);
      s.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      s.executeUpdate();
    } catch (SQLException e) {
      LOG.warn("an unanswered question was not logged", e);
    }
  }

  /** The open questions, for grouping. */
  public List<Unanswered.Question> open() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id, question, outcome, asked_at FROM chat_unanswered"
            + " WHERE status = 'open' ORDER BY id DESC LIMIT 5000");
        ResultSet rs = s.executeQuery()) {
      List<Unanswered.Question> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Unanswered.Question(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant()));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("database failure reading unanswered questions", e);
    }
  }

  /** Marks questions adopted as alternate questions of a node, or dismissed ({@code node} null). */
  public void close(List<Long> ids, String node) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "UPDATE chat_unanswered SET status = ?, adopted_node = ? WHERE id = ? AND status = 'open'")) {
      for (long id : ids) {
        s.setString(1, node == null ? "dismissed" : "adopted");
        s.setString(2, node);
        s.setLong(3, id);
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("database failure closing unanswered questions", e);
    }
  }
}

package tw.ecpa.bot.feedback.jdbc;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.bot.dialog.QuestionLog;
import tw.ecpa.kb.version.Unanswered;
import tw.ecpa.portal.security.Redaction;
import tw.ecpa.portal.jdbc.Jdbc;

/**
 * Unanswered and unsure questions in the product's database (table {@code chat_unanswered}, V9):
 * what must never be kept (identity numbers, e-mail addresses, phone numbers, PINs, codes, passwords) is
 * masked before anything is stored ({@link Redaction}). A failure to store never fails the chat turn.
 */
public final class JdbcUnansweredLog implements QuestionLog {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcUnansweredLog.class);

  private final Jdbc jdbc;
  private final Clock clock;

  /** Creates the log over the migrated database's connections. */
  public JdbcUnansweredLog(DataSource dataSource, Clock clock) {
    this.jdbc = new Jdbc(dataSource);
    this.clock = clock;
  }

  /** A question as it may be kept. */
  static String mask(String question) {
    String masked = Redaction.typed(question.strip());
    return masked.length() > 500 ? masked.substring(0, 500) : masked;
  }

  @Override
  public void unanswered(String question, String outcome) {
    try {
      jdbc.update("INSERT INTO chat_unanswered (question, outcome, asked_at) VALUES (?, ?, ?)",
          mask(question), outcome, clock.instant());
    } catch (Jdbc.StoreException e) {
      LOG.warn("an unanswered question was not logged", e);
    }
  }

  /** The open questions, for grouping. */
  public List<Unanswered.Question> open() {
    return jdbc.list("SELECT id, question, outcome, asked_at FROM chat_unanswered"
            + " WHERE status = 'open' ORDER BY id DESC LIMIT 5000",
        rs -> new Unanswered.Question(rs.getLong("id"), rs.getString("question"), rs.getString("outcome"),
            Jdbc.instant(rs, "asked_at")));
  }

  /** Marks questions adopted as alternate questions of a node, or dismissed ({@code node} null). */
  public void close(List<Long> ids, String node) {
    for (long id : ids) {
      jdbc.update("UPDATE chat_unanswered SET status = ?, adopted_node = ? WHERE id = ? AND status = 'open'",
          node == null ? "dismissed" : "adopted", node, id);
    }
  }
}

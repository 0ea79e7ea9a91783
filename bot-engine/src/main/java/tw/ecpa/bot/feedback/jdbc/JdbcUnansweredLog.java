package tw.ecpa.bot.feedback.jdbc;

import java.time.Clock;
import java.time.Duration;
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
 * masked before anything is stored ({@link Redaction}), and a question is forgotten {@link #KEPT} after it
 * was asked, whether or not the staff have dealt with it. A failure to store never fails the chat turn.
 */
public final class JdbcUnansweredLog implements QuestionLog {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcUnansweredLog.class);

  /** How long an unanswered question is kept: long enough for the staff's monthly review, and no longer. */
  public static final Duration KEPT = Duration.ofDays(90);

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

  /** Forgets the questions asked more than {@link #KEPT} ago; returns how many (0 when the database failed). */
  public int forgetOld() {
    try {
      return jdbc.update("DELETE FROM chat_unanswered WHERE asked_at < ?", clock.instant().minus(KEPT));
    } catch (Jdbc.StoreException e) {
      LOG.warn("old unanswered questions were not forgotten this time", e);
      return 0;
    }
  }

  /** Marks questions adopted as alternate questions of a node, or dismissed ({@code node} null). */
  public void close(List<Long> ids, String node) {
    for (long id : ids) {
      jdbc.update("UPDATE chat_unanswered SET status = ?, adopted_node = ? WHERE id = ? AND status = 'open'",
          node == null ? "dismissed" : "adopted", node, id);
    }
  }
}

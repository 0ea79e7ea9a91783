package tw.ecpa.bot.feedback.jdbc;

import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.bot.dialog.QuestionLog;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.time.RocDate;

/**
 * Daily counts of questions by outcome and of nodes shown (table {@code chat_daily_stat}, V10):
 * counted in memory on the chat's threads, added to the database by {@link #flush}, which the server
 * runs every minute and at shutdown.
 */
public final class JdbcChatStats implements QuestionLog {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcChatStats.class);

  private record Key(LocalDate day, String kind, String key) {}

  private final Jdbc jdbc;
  private final Clock clock;
  private final ConcurrentHashMap<Key, LongAdder> pending = new ConcurrentHashMap<>();

  /** Creates the counts over the migrated database's connections. */
  public JdbcChatStats(DataSource dataSource, Clock clock) {
    this.jdbc = new Jdbc(dataSource);
    this.clock = clock;
  }

  @Override
  public void unanswered(String question, String outcome) {
    // the questions themselves are JdbcUnansweredLog's
  }

  @Override
  public void asked(String outcome) {
    count("asked", outcome);
  }

  @Override
  public void shown(String nodeId) {
    count("shown", nodeId);
  }

  @Override
  public void leftMenu(String menuId) {
    count("left", menuId);
  }

  private void count(String kind, String key) {
    pending.computeIfAbsent(new Key(LocalDate.ofInstant(clock.instant(), RocDate.TAIPEI), kind, key),
        k -> new LongAdder()).increment();
  }

  /** Adds the counts so far to the database. */
  public synchronized void flush() {
    for (Key key : List.copyOf(pending.keySet())) {
      LongAdder adder = pending.remove(key);
      long n = adder == null ? 0 : adder.sumThenReset();
      if (n == 0) {
        continue;
      }
      try {
        add(key, n);
      } catch (Jdbc.StoreException e) {
        LOG.warn("chat counts not stored; they are kept for the next try", e);
        pending.computeIfAbsent(key, k -> new LongAdder()).add(n);
        return;
      }
    }
  }

  private void add(Key key, long n) {
    Date day = Date.valueOf(key.day());
    if (jdbc.update("UPDATE chat_daily_stat SET stat_count = stat_count + ?"
        + " WHERE stat_day = ? AND stat_kind = ? AND stat_key = ?", n, day, key.kind(), key.key()) == 1) {
      return;
    }
    try {
      jdbc.update("INSERT INTO chat_daily_stat (stat_day, stat_kind, stat_key, stat_count) VALUES (?, ?, ?, ?)",
          day, key.kind(), key.key(), n);
    } catch (Jdbc.StoreException e) {
      if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        add(key, n);  // another node inserted the row first
      } else {
        throw e;
      }
    }
  }

  /** Per day since {@code from}: questions by outcome ({@code answer}, {@code did-you-mean}, {@code fallback}). */
  public Map<LocalDate, Map<String, Long>> questionsPerDay(LocalDate from) {
    Map<LocalDate, Map<String, Long>> out = new LinkedHashMap<>();
    jdbc.list("SELECT stat_day, stat_key, stat_count FROM chat_daily_stat WHERE stat_kind = 'asked' AND stat_day >= ?"
            + " ORDER BY stat_day", rs -> out.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new LinkedHashMap<>())
            .put(rs.getString(2), rs.getLong(3)), Date.valueOf(from));
    return out;
  }

  /** Nodes shown since {@code from}, most shown first. */
  public Map<String, Long> shown(LocalDate from, int limit) {
    return totals("shown", from, limit);
  }

  /** Menus left without choosing an option since {@code from}, most left first. */
  public Map<String, Long> leftMenus(LocalDate from, int limit) {
    return totals("left", from, limit);
  }

  private Map<String, Long> totals(String kind, LocalDate from, int limit) {
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.list("SELECT stat_key, SUM(stat_count) AS n FROM chat_daily_stat WHERE stat_kind = ? AND stat_day >= ?"
        + " GROUP BY stat_key ORDER BY n DESC, stat_key LIMIT ?", rs -> out.put(rs.getString(1), rs.getLong(2)),
        kind, Date.valueOf(from), limit);
    return out;
  }
}

package tw.ecpa.bot.feedback.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import tw.ecpa.portal.time.RocDate;

/**
 * Daily counts of questions by outcome and of nodes shown (table {@code chat_daily_stat}, V10):
 * counted in memory on the chat's threads, added to the database by {@link #flush}, which the server
 * runs every minute and at shutdown.
 */
public final class JdbcChatStats implements QuestionLog {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcChatStats.class);

  private record Key(LocalDate day, String kind, String key) {}

  private final DataSource dataSource;
  private final Clock clock;
  private final ConcurrentHashMap<Key, LongAdder> pending = new ConcurrentHashMap<>();

  /** Creates the counts over the migrated database's connections. */
  public JdbcChatStats(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
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
      try (Connection c = dataSource.getConnection()) {
        add(c, key, n);
      } catch (SQLException e) {
        LOG.warn("chat counts not stored; they are kept for the next try", e);
        pending.computeIfAbsent(key, k -> new LongAdder()).add(n);
        return;
      }
    }
  }

  private static void add(Connection c, Key key, long n) throws SQLException {
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE chat_daily_stat SET stat_count = stat_count + ? WHERE stat_day = ? AND stat_kind = ? AND stat_key = ?")) {
      update.setLong(1, n);
      update.setDate(2, Date.valueOf(key.day()));
      update.setString(3, key.kind());
      update.setString(4, key.key());
      if (update.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO chat_daily_stat (stat_day, stat_kind, stat_key, stat_count) VALUES (?, ?, ?, ?)")) {
      insert.setDate(1, Date.valueOf(key.day()));
      insert.setString(2, key.kind());
      insert.setString(3, key.key());
      insert.setLong(4, n);
      insert.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        add(c, key, n);  // another node inserted the row first
      } else {
        throw e;
      }
    }
  }

  /** Per day since {@code from}: questions by outcome ({@code answer}, {@code did-you-mean}, {@code fallback}). */
  public Map<LocalDate, Map<String, Long>> questionsPerDay(LocalDate from) {
    Map<LocalDate, Map<String, Long>> out = new LinkedHashMap<>();
    query("SELECT stat_day, stat_key, stat_count FROM chat_daily_stat WHERE stat_kind = 'asked' AND stat_day >= ?"
        + " ORDER BY stat_day", from,
        rs -> out.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new LinkedHashMap<>())
            .put(rs.getString(2), rs.getLong(3)));
    return out;
  }

  /** Nodes shown since {@code from}, most shown first. */
  public Map<String, Long> shown(LocalDate from, int limit) {
    Map<String, Long> out = new LinkedHashMap<>();
    query("SELECT stat_key, SUM(stat_count) AS n FROM chat_daily_stat WHERE stat_kind = 'shown' AND stat_day >= ?"
        + " GROUP BY stat_key ORDER BY n DESC, stat_key LIMIT " + limit, from, rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  @FunctionalInterface
  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, LocalDate from, Row row) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setDate(1, Date.valueOf(from));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database failure reading chat counts", e);
    }
  }
}

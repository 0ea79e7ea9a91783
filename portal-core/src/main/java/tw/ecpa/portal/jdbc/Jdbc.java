package tw.ecpa.portal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC moves the stores share: a statement with parameters, one row or a list of rows, a
 * transaction. Instants are written as UTC timestamps. Every store over the product's database uses it,
 * the bot's too.
 */
public final class Jdbc {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource dataSource;

  /** Creates the helper over a pool. */
  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs an update; returns the rows changed. */
  public int update(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, parameters)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(sql, e);
    }
  }

  /** Runs a query; returns every row mapped. */
  public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, parameters);
        ResultSet rs = s.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(sql, e);
    }
  }

  /** Runs a query; returns the first row mapped, if any. */
  public <T> Optional<T> one(String sql, Row<T> row, Object... parameters) {
    List<T> rows = list(sql, row, parameters);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Runs work in one transaction on one connection. */
  public <T> T transaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StoreException("transaction", e);
    }
  }

  /** Work inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A statement with its parameters set (instants as UTC timestamps). */
  public static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      Object p = parameters[i];
      // Cut to the microsecond both databases keep, rather than let each round the nanoseconds its own
      // way: a time written and a time compared in SQL then agree with the Java instants they came from.
      s.setObject(i + 1, p instanceof Instant instant
          ? OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC) : p);
    }
    return s;
  }

  /** A timestamp column as an instant, or {@code null}. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A database failure: infrastructure, not an expected outcome. */
  public static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String what, SQLException cause) {
      super("database failure in: " + what, cause);
    }
  }
}

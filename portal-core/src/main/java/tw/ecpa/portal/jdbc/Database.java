package tw.ecpa.portal.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

/**
 * The portal's database: a pooled connection to H2 (embedded, in a file under the data folder) or
 * PostgreSQL, migrated with Flyway to the current schema when opened.
 *
 * <p>A commit is durable before any reply says so. PostgreSQL is by its default ({@code synchronous_commit
 * on}). H2 writes committed data to its file in the background, up to half a second later by default, so a
 * process killed right after a 2xx lost what it had acknowledged. Every H2 file URL therefore runs with
 * {@code WRITE_DELAY=0}, which writes each commit to the file before the commit returns, and with {@code
 * REUSE_SPACE=FALSE}: when H2 writes new data into space it freed, a restart after a kill can find an older
 * state (measured: with the delay alone, 5 of 15 killed commits were lost; with both, 0 of 55). The file then
 * grows by each commit until the server stops cleanly, which compacts it ({@link #close()}). The write
 * reaches the operating system, so it survives the process being killed; surviving a power cut needs the
 * disk's own flush, which H2 leaves to the operating system (see docs/operations.md).
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final boolean h2File;

  private Database(HikariDataSource dataSource, boolean h2File) {
    this.dataSource = dataSource;
    this.h2File = h2File;
  }

  /**
   * Where the database is and how to log in to it.
   *
   * @param url the JDBC URL
   * @param user the user name
   * @param password the password (never logged)
   */
  public record Location(String url, String user, String password) {

    public Location {
      Objects.requireNonNull(url, "url");
      if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("DB_URL must be an H2 or PostgreSQL JDBC URL");
      }
      url = durable(url);
    }

    /**
     * An H2 file URL that writes each commit before it returns and only ever appends to its file, unless it
     * already says how long to wait ({@code WRITE_DELAY}): the operator's choice then stands.
     */
    static String durable(String url) {
      return h2File(url) && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY=")
          ? url + ";WRITE_DELAY=0;REUSE_SPACE=FALSE" : url;
    }

    /** Whether this is an H2 database in a file (not in memory). */
    boolean h2File() {
      return h2File(url);
    }

    private static boolean h2File(String url) {
      return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }

    /** The embedded default: an H2 file {@code ecpa} in the data folder, in PostgreSQL mode. */
    public static Location embedded(Path dataDir) {
      return new Location("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ecpa")
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "ecpa", "");
    }

    /** A private in-memory H2 database, for tests. */
    public static Location inMemory(String name) {
      return new Location("jdbc:h2:mem:" + name
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    public String toString() {
      return "Location[url=" + url + ", user=" + user + "]";
    }
  }

  /** Opens a pool to the database and migrates it to the current schema. */
  public static Database open(Location location, int maxConnections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(location.url());
    config.setUsername(location.user());
    config.setPassword(location.password());
    config.setMaximumPoolSize(maxConnections);
    config.setPoolName("portal");
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource, location.h2File());
  }

  /** The pooled connections. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Closes the pool; an H2 file is compacted first, giving back what the append-only writes took. */
  @Override
  public void close() {
    if (h2File) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      } catch (SQLException e) {
        LoggerFactory.getLogger(Database.class).warn("could not compact the H2 file at close: {}", e.toString());
      }
    }
    dataSource.close();
  }
}

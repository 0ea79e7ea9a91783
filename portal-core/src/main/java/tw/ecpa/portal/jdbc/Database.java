package tw.ecpa.portal.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The portal's database: a pooled connection to H2 (embedded, in a file under the data folder) or
 * PostgreSQL, migrated with Flyway to the current schema when opened.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
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
    return new Database(dataSource);
  }

  /** The pooled connections. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}

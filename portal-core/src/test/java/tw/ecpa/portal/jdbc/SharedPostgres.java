package tw.ecpa.portal.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server for every store-contract test of a run, started on first use and
 * stopped when the JVM ends; each test class gets a database of its own on it, migrated afresh.
 */
public final class SharedPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private SharedPostgres() {}

  /** A new, empty database on the shared server, opened (and so migrated) with this pool size. */
  public static Database freshDatabase(int poolSize) {
    return Database.open(freshLocation(), poolSize);
  }

  /** Where a new, empty database on the shared server is (for a server in another process to open). */
  public static synchronized Database.Location freshLocation() {
    try {
      if (server == null) {
        server = EmbeddedPostgres.builder().start();
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException e) {
            // the JVM is ending; nothing more to do
          }
        }));
      }
      String name = "contract_" + DATABASES.incrementAndGet();
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      return new Database.Location(server.getJdbcUrl("postgres", name), "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
  }
}

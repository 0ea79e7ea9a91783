package tw.ecpa.bot.knowledge.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import tw.ecpa.kb.version.KbVersion;
import tw.ecpa.kb.version.KbVersionStore;
import tw.ecpa.kb.version.Regression;

/** Knowledge-base versions in the product's database (table {@code kb_version}, migration V7). */
public final class JdbcKbVersionStore implements KbVersionStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {};

  private final DataSource dataSource;

  /** Creates the store over the migrated database's connections. */
  public JdbcKbVersionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<KbVersion> latest() {
    return one("SELECT * FROM kb_version ORDER BY number DESC LIMIT 1");
  }

  @Override
  public int latestNumber() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(number), 0) FROM kb_version");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("database failure reading the knowledge version", e);
    }
  }

  @Override
  public Optional<KbVersion> version(int number) {
    return one("SELECT * FROM kb_version WHERE number = " + number);
  }

  @Override
  public List<KbVersion.Summary> history() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT number, note, published_by, published_at FROM kb_version ORDER BY number DESC");
        ResultSet rs = s.executeQuery()) {
      List<KbVersion.Summary> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new KbVersion.Summary(rs.getInt("number"), rs.getString("note"), rs.getString("published_by"),
            rs.getObject("published_at", OffsetDateTime.class).toInstant()));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("database failure reading the knowledge history", e);
    }
  }

  @Override
  public KbVersion publish(Map<String, String> files, String note, String publishedBy, Instant at) {
    String json;
    try {
      json = JSON.writeValueAsString(new TreeMap<>(files));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Two nodes publishing at once: the second insert of the same number fails on the primary key and
    // is retried with the next number.
    for (int attempt = 0; ; attempt++) {
      int number = latestNumber() + 1;
      try (Connection c = dataSource.getConnection();
          PreparedStatement s = c.prepareStatement("INSERT INTO kb_version (number, note, published_by,"
              + " published_at, files) VALUES (?, ?, ?, ?, ?)")) {
        s.setInt(1, number);
        s.setString(2, note);
        s.setString(3, publishedBy);
        s.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        s.setString(5, json);
        s.executeUpdate();
        return new KbVersion(number, note, publishedBy, at, files);
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState()) || attempt >= 5) {
          throw new IllegalStateException("database failure publishing a knowledge version", e);
        }
      }
    }
  }

  @Override
  public Optional<Map<String, String>> draft() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT files FROM kb_draft WHERE id = 1");
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(JSON.readValue(rs.getString(1), FILES)) : Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("database failure reading the draft", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void saveDraft(Map<String, String> files, String by, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM kb_draft WHERE id = 1");
          PreparedStatement insert = c.prepareStatement(
              "INSERT INTO kb_draft (id, files, updated_by, updated_at) VALUES (1, ?, ?, ?)")) {
        delete.executeUpdate();
        insert.setString(1, JSON.writeValueAsString(new TreeMap<>(files)));
        insert.setString(2, by);
        insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        insert.executeUpdate();
        c.commit();
      } catch (SQLException | IOException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database failure saving the draft", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void discardDraft() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM kb_draft WHERE id = 1")) {
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("database failure discarding the draft", e);
    }
  }

  @Override
  public List<Regression.Golden> golden() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT question, expected FROM kb_golden_question ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      List<Regression.Golden> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Regression.Golden(rs.getString(1), rs.getString(2)));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("database failure reading golden questions", e);
    }
  }

  @Override
  public void addGolden(Regression.Golden golden) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO kb_golden_question (question, expected) VALUES (?, ?)")) {
      s.setString(1, golden.question());
      s.setString(2, golden.expected());
      s.executeUpdate();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw new IllegalStateException("database failure saving a golden question", e);
      }
    }
  }

  private Optional<KbVersion> one(String sql) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new KbVersion(rs.getInt("number"), rs.getString("note"), rs.getString("published_by"),
          rs.getObject("published_at", OffsetDateTime.class).toInstant(), JSON.readValue(rs.getString("files"), FILES)));
    } catch (SQLException e) {
      throw new IllegalStateException("database failure reading a knowledge version", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

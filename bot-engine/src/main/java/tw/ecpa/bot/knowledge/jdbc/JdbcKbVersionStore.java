package tw.ecpa.bot.knowledge.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import tw.ecpa.kb.version.KbVersion;
import tw.ecpa.kb.version.KbVersionStore;
import tw.ecpa.kb.version.Regression;
import tw.ecpa.portal.jdbc.Jdbc;

/**
 * Knowledge-base versions, the draft and the golden questions in the product's database (tables
 * {@code kb_version} and {@code kb_golden_question}, V7, and {@code kb_draft}, V8).
 */
public final class JdbcKbVersionStore implements KbVersionStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {};

  private final Jdbc jdbc;

  /** Creates the store over the migrated database's connections. */
  public JdbcKbVersionStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<KbVersion> latest() {
    return jdbc.one("SELECT * FROM kb_version ORDER BY number DESC LIMIT 1", JdbcKbVersionStore::version);
  }

  @Override
  public int latestNumber() {
    return jdbc.one("SELECT COALESCE(MAX(number), 0) FROM kb_version", rs -> rs.getInt(1)).orElse(0);
  }

  @Override
  public Optional<KbVersion> version(int number) {
    return jdbc.one("SELECT * FROM kb_version WHERE number = ?", JdbcKbVersionStore::version, number);
  }

  @Override
  public List<KbVersion.Summary> history() {
    return jdbc.list("SELECT number, note, published_by, published_at FROM kb_version ORDER BY number DESC",
        rs -> new KbVersion.Summary(rs.getInt("number"), rs.getString("note"), rs.getString("published_by"),
            Jdbc.instant(rs, "published_at")));
  }

  @Override
  public KbVersion publish(Map<String, String> files, String note, String publishedBy, Instant at) {
    String json = json(files);
    // Two nodes publishing at once: the second insert of the same number fails on the primary key and
    // is retried with the next number.
    for (int attempt = 0; ; attempt++) {
      int number = latestNumber() + 1;
      try {
        jdbc.update("INSERT INTO kb_version (number, note, published_by, published_at, files) VALUES (?, ?, ?, ?, ?)",
            number, note, publishedBy, at, json);
        return new KbVersion(number, note, publishedBy, at, files);
      } catch (Jdbc.StoreException e) {
        if (!duplicate(e) || attempt >= 5) {
          throw e;
        }
      }
    }
  }

  @Override
  public Optional<Map<String, String>> draft() {
    return jdbc.one("SELECT files FROM kb_draft WHERE id = 1", rs -> files(rs.getString(1)));
  }

  @Override
  public void saveDraft(Map<String, String> files, String by, Instant at) {
    String json = json(files);
    jdbc.transaction(c -> {
      try (PreparedStatement delete = Jdbc.prepare(c, "DELETE FROM kb_draft WHERE id = 1");
          PreparedStatement insert = Jdbc.prepare(c, "INSERT INTO kb_draft (id, files, updated_by, updated_at, revision)"
              + " VALUES (1, ?, ?, ?, ?)", json, by, at, java.util.UUID.randomUUID().toString())) {
        delete.executeUpdate();
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<Draft> draftWithRevision() {
    return jdbc.one("SELECT files, revision FROM kb_draft WHERE id = 1",
        rs -> new Draft(files(rs.getString(1)), rs.getString(2)));
  }

  @Override
  public boolean saveDraftIf(Optional<String> expectedRevision, Map<String, String> files, String by, Instant at) {
    String json = json(files);
    String revision = java.util.UUID.randomUUID().toString();
    if (expectedRevision.isPresent()) {
      return jdbc.update("UPDATE kb_draft SET files = ?, updated_by = ?, updated_at = ?, revision = ?"
          + " WHERE id = 1 AND revision = ?", json, by, at, revision, expectedRevision.get()) == 1;
    }
    try {
      jdbc.update("INSERT INTO kb_draft (id, files, updated_by, updated_at, revision) VALUES (1, ?, ?, ?, ?)",
          json, by, at, revision);
      return true;
    } catch (Jdbc.StoreException e) {
      if (duplicate(e)) {
        return false;  // a draft was made meanwhile
      }
      throw e;
    }
  }

  @Override
  public void discardDraft() {
    jdbc.update("DELETE FROM kb_draft WHERE id = 1");
  }

  @Override
  public List<Regression.Golden> golden() {
    return jdbc.list("SELECT question, expected FROM kb_golden_question ORDER BY id",
        rs -> new Regression.Golden(rs.getString(1), rs.getString(2)));
  }

  @Override
  public void addGolden(Regression.Golden golden) {
    try {
      jdbc.update("INSERT INTO kb_golden_question (question, expected) VALUES (?, ?)", golden.question(),
          golden.expected());
    } catch (Jdbc.StoreException e) {
      if (!duplicate(e)) {
        throw e;
      }
    }
  }

  private static boolean duplicate(Jdbc.StoreException e) {
    return e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
  }

  private static KbVersion version(ResultSet rs) throws SQLException {
    return new KbVersion(rs.getInt("number"), rs.getString("note"), rs.getString("published_by"),
        Jdbc.instant(rs, "published_at"), files(rs.getString("files")));
  }

  private static Map<String, String> files(String json) {
    try {
      return JSON.readValue(json, FILES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Map<String, String> files) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(files));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

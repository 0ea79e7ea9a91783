package tw.ecpa.portal.todo.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.todo.Todo;
import tw.ecpa.portal.todo.TodoStore;

/** People's to-dos in the portal's database (V15). */
public final class JdbcTodos implements TodoStore {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcTodos(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public long add(Todo t) {
    if (t.source() != null && jdbc.one("SELECT 1 FROM todo WHERE id_number = ? AND source = ?", rs -> true,
        t.idNumber().value(), t.source()).isPresent()) {
      return 0;
    }
    try {
      return jdbc.transaction(c -> {
        try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO todo (id_number, due_date, subject,"
            + " content, link, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            java.sql.Statement.RETURN_GENERATED_KEYS)) {
          Object[] values = {t.idNumber().value(), t.date(), t.subject(), t.content(), t.link(), t.source(),
              java.time.OffsetDateTime.ofInstant(t.createdAt(), java.time.ZoneOffset.UTC)};
          for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
          }
          s.executeUpdate();
          try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
          }
        }
      });
    } catch (Jdbc.StoreException e) {
      // The same source was added at the same moment by another request: the constraint keeps one.
      if (t.source() != null && jdbc.one("SELECT 1 FROM todo WHERE id_number = ? AND source = ?", rs -> true,
          t.idNumber().value(), t.source()).isPresent()) {
        return 0;
      }
      throw e;
    }
  }

  @Override
  public List<Todo> between(IdNumber idNumber, LocalDate from, LocalDate to) {
    return jdbc.list("SELECT * FROM todo WHERE id_number = ? AND due_date BETWEEN ? AND ? ORDER BY due_date, id",
        JdbcTodos::todo, idNumber.value(), from, to);
  }

  @Override
  public boolean complete(long id, IdNumber idNumber, Instant at) {
    return jdbc.update("UPDATE todo SET done_at = COALESCE(done_at, ?) WHERE id = ? AND id_number = ?",
        at, id, idNumber.value()) == 1;
  }

  private static Todo todo(ResultSet rs) throws SQLException {
    return new Todo(rs.getLong("id"),
        IdNumber.parse(rs.getString("id_number")).orElseThrow(
            () -> new IllegalStateException("the todo table holds an invalid identity number")),
        rs.getObject("due_date", LocalDate.class), rs.getString("subject"), rs.getString("content"),
        rs.getString("link"), rs.getString("source"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "done_at"));
  }
}

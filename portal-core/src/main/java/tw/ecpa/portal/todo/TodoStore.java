package tw.ecpa.portal.todo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tw.ecpa.portal.identity.IdNumber;

/** Where people's to-dos are kept. */
public interface TodoStore {

  /**
   * Adds an item; returns its key, or 0 when the person already has an item from the same source
   * (nothing added).
   */
  long add(Todo todo);

  /** A person's items from {@code from} to {@code to} (both inclusive), by date and then creation. */
  List<Todo> between(IdNumber idNumber, LocalDate from, LocalDate to);

  /** Marks a person's own item done; false when the person has no such item. */
  boolean complete(long id, IdNumber idNumber, Instant at);
}

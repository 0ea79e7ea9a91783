package tw.ecpa.portal.todo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import tw.ecpa.portal.identity.IdNumber;

/**
 * One item of a person's 待辦事項.
 *
 * @param id the key (0 before it is saved)
 * @param idNumber whose item it is
 * @param date the day it belongs to
 * @param subject the subject (主旨)
 * @param content the content (內容), or {@code null}
 * @param link a portal page to open for it (for example a questionnaire to fill in), or {@code null}
 * @param source what created it (for example {@code questionnaire:12}), or {@code null} for the person's own
 * @param createdAt when it was created
 * @param doneAt when the person marked it done, or {@code null}
 */
public record Todo(long id, IdNumber idNumber, LocalDate date, String subject, String content, String link,
    String source, Instant createdAt, Instant doneAt) {

  public Todo {
    Objects.requireNonNull(idNumber, "idNumber");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether the person marked it done. */
  public boolean done() {
    return doneAt != null;
  }
}

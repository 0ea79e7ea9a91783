package tw.ecpa.portal.questionnaire;

import java.time.Instant;
import java.util.List;

/** What a questionnaire operation came to: its value, or the expected reason it was refused. */
public sealed interface Outcome<T> {

  /** Done, with its value. */
  record Done<T>(T value) implements Outcome<T> {}

  /** No such questionnaire or group for this caller (or the caller is not one of its respondents). */
  record NotFound<T>() implements Outcome<T> {}

  /** The caller may not manage it (another organization, or no HR role). */
  record Forbidden<T>() implements Outcome<T> {}

  /** It is published: its questions no longer change, and it is published once. */
  record Published<T>() implements Outcome<T> {}

  /** Answering has not opened yet. */
  record NotYetOpen<T>(Instant opensAt) implements Outcome<T> {}

  /** Answering has closed. */
  record Closed<T>(Instant closesAt) implements Outcome<T> {}

  /** The caller has submitted a response already. */
  record AlreadySubmitted<T>() implements Outcome<T> {}

  /** The input is wrong: a zh-TW message and the question keys concerned (possibly none). */
  record Invalid<T>(String message, List<String> questions) implements Outcome<T> {

    public Invalid {
      questions = List.copyOf(questions);
    }

    /** A refusal that concerns no particular question. */
    public Invalid(String message) {
      this(message, List.of());
    }
  }
}

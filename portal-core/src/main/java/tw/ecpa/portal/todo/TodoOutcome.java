package tw.ecpa.portal.todo;

/** What a to-do request came to. */
public sealed interface TodoOutcome {

  /** Done; the item or window asked for. */
  record Done(Object value) implements TodoOutcome {}

  /** The person has no such item. */
  record NotFound() implements TodoOutcome {}

  /** The input is wrong (zh-TW message). */
  record Invalid(String message) implements TodoOutcome {}
}

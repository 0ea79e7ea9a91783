package tw.ecpa.portal.permission;

import java.util.Objects;
import java.util.function.Function;

/** What a permission change or query came to: done with a value, or refused for a reason. */
public sealed interface PermissionOutcome<T> {

  /** Done; the value is the result. */
  record Done<T>(T value) implements PermissionOutcome<T> {}

  /** Turned down; nothing changed. */
  record Refused<T>(Refusal refusal) implements PermissionOutcome<T> {

    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  /** Folds the outcome into one value. */
  default <R> R fold(Function<T, R> done, Function<Refusal, R> refused) {
    return this instanceof Done<T> d ? done.apply(d.value()) : refused.apply(((Refused<T>) this).refusal());
  }

  /** A done outcome. */
  static <T> PermissionOutcome<T> done(T value) {
    return new Done<>(value);
  }

  /** A refused outcome. */
  static <T> PermissionOutcome<T> refused(Refusal refusal) {
    return new Refused<>(refusal);
  }
}

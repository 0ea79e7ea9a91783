package tw.ecpa.assistant;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * What the composition root has opened, closed in the reverse order: a start-up that fails half-way
 * closes what it had opened, and the server's {@link #close()} closes the rest the same way. A part that
 * fails to close does not keep the others open; its failure is thrown after all, the others suppressed.
 */
final class Closer implements AutoCloseable {

  /** One thing to close, which may throw anything. */
  @FunctionalInterface
  interface Part {
    void close() throws Exception;
  }

  private final Deque<Part> parts = new ArrayDeque<>();

  /** Registers a part to close, and returns it. */
  synchronized <T extends AutoCloseable> T register(T part) {
    parts.push(part::close);
    return part;
  }

  /** Registers a way of closing something that is not itself closeable. */
  synchronized void onClose(Part part) {
    parts.push(part);
  }

  /**
   * Runs the work; when it fails, closes everything registered so far and rethrows its failure.
   */
  <T> T orClose(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      try {
        close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** Closes every registered part, the last registered first. */
  @Override
  public void close() {
    RuntimeException failure = null;
    while (true) {
      Part part;
      synchronized (this) {
        part = parts.poll();
      }
      if (part == null) {
        break;
      }
      try {
        part.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e instanceof RuntimeException r ? r : new IllegalStateException("closing failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloserTest {

  @Test
  void parts_closeLastRegisteredFirst_andOnlyOnce() {
    List<String> closed = new ArrayList<>();
    Closer closer = new Closer();
    closer.onClose(() -> closed.add("database"));
    closer.register(() -> closed.add("index"));
    closer.onClose(() -> closed.add("http"));
    closer.close();
    closer.close();
    assertEquals(List.of("http", "index", "database"), closed);
  }

  @Test
  void aPartThatFailsToClose_doesNotKeepTheOthersOpen_andItsFailureIsThrown() {
    List<String> closed = new ArrayList<>();
    Closer closer = new Closer();
    closer.onClose(() -> closed.add("database"));
    closer.onClose(() -> {
      throw new IllegalStateException("index");
    });
    closer.onClose(() -> {
      throw new java.io.IOException("http");
    });
    IllegalStateException thrown = assertThrows(IllegalStateException.class, closer::close);
    assertEquals(List.of("database"), closed);
    assertEquals("http", thrown.getCause().getMessage());
    assertEquals("index", thrown.getSuppressed()[0].getMessage());
  }

  @Test
  void workThatFails_closesWhatWasOpened_andRethrows() {
    List<String> closed = new ArrayList<>();
    Closer closer = new Closer();
    closer.onClose(() -> closed.add("database"));
    RuntimeException failure = new IllegalArgumentException("broken knowledge base");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> closer.orClose(() -> {
      closer.onClose(() -> closed.add("index"));
      throw failure;
    }));
    assertSame(failure, thrown);
    assertEquals(List.of("index", "database"), closed);
    assertEquals("done", closer.orClose(() -> "done"));
  }
}

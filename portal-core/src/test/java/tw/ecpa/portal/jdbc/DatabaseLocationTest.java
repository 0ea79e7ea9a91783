package tw.ecpa.portal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {

  @Test
  void anH2File_writesEachCommitBeforeItReturns_andOnlyAppends() {
    String embedded = Database.Location.embedded(Path.of("/srv/ecpa")).url();
    assertTrue(embedded.startsWith("jdbc:h2:file:/srv/ecpa/ecpa;"), embedded);
    assertTrue(embedded.endsWith(";WRITE_DELAY=0;REUSE_SPACE=FALSE"), embedded);
    assertTrue(new Database.Location("jdbc:h2:file:/x/db;AUTO_SERVER=TRUE", "u", "").url()
        .endsWith(";AUTO_SERVER=TRUE;WRITE_DELAY=0;REUSE_SPACE=FALSE"));
  }

  @Test
  void anOperatorsOwnWriteDelay_memoryDatabases_andPostgreSql_areLeftAsGiven() {
    assertEquals("jdbc:h2:file:/x/db;write_delay=500", new Database.Location("jdbc:h2:file:/x/db;write_delay=500", "u", "").url());
    String memory = Database.Location.inMemory("t").url();
    assertFalse(memory.contains("WRITE_DELAY"), memory);
    assertEquals("jdbc:postgresql://db/ecpa", new Database.Location("jdbc:postgresql://db/ecpa", "u", "").url());
    assertThrows(IllegalArgumentException.class, () -> new Database.Location("jdbc:mysql://db/ecpa", "u", ""));
  }
}

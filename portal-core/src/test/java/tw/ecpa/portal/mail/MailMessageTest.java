package tw.ecpa.portal.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailMessageTest {

  @Test
  void create_nullPart_refused() {
    assertThrows(NullPointerException.class, () -> new MailMessage(null, "主旨", "內容"));
    assertThrows(NullPointerException.class, () -> new MailMessage("a@b.tw", null, "內容"));
    assertThrows(NullPointerException.class, () -> new MailMessage("a@b.tw", "主旨", null));
  }

  @Test
  void create_lineBreakInHeader_refused() {
    assertThrows(IllegalArgumentException.class, () -> new MailMessage("a@b.tw\r\nBcc: x@y.tw", "主旨", "內容"));
    assertThrows(IllegalArgumentException.class, () -> new MailMessage("a@b.tw", "主旨\nBcc: x@y.tw", "內容"));
    assertThrows(IllegalArgumentException.class, () -> new MailMessage(" ", "主旨", "內容"));
  }

  @Test
  void toString_leavesTheBodyOut() {
    String shown = new MailMessage("a@b.tw", "主旨", "您的新密碼如下：K5L6H5W8").toString();
    assertTrue(shown.contains("a@b.tw"));
    assertFalse(shown.contains("K5L6H5W8"));
  }
}

package tw.ecpa.portal.audit;

import java.util.List;

/** Where security events are kept for administrators to read. */
public interface AuditLog {

  /** Records an event. */
  void record(AuditEvent event);

  /** The most recent events, newest first. */
  List<AuditEvent> recent(int count);
}

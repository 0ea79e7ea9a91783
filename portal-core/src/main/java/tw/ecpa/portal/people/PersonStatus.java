package tw.ecpa.portal.people;

/** Whether a person is a serving civil servant (現職) or has left (卸職). */
public enum PersonStatus {
  /** Serving: may log in. */
  ACTIVE,
  /** Off duty: may not log in to the portal. */
  OFF_DUTY
}

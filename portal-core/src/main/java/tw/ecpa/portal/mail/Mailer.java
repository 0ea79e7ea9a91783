package tw.ecpa.portal.mail;

/**
 * Sends mail: SMTP in production and in the default run (to the embedded dev mailbox), a fake in
 * tests that need no server.
 */
public interface Mailer {

  /**
   * Sends one message, returning once the server has accepted it.
   *
   * @throws MailException when the message could not be handed over
   */
  void send(MailMessage message);
}

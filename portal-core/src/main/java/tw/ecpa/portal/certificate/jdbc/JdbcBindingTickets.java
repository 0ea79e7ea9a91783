package tw.ecpa.portal.certificate.jdbc;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import tw.ecpa.portal.certificate.BindingTicket;
import tw.ecpa.portal.certificate.BindingTickets;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;

/** Binding tickets in the portal's database; a ticket is taken by a delete that only one caller wins. */
public final class JdbcBindingTickets implements BindingTickets {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcBindingTickets(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public void save(BindingTicket ticket) {
    jdbc.update("INSERT INTO certificate_binding_ticket (ticket_hash, certificate, expires_at, failed_attempts)"
            + " VALUES (?, ?, ?, ?)", ticket.ticketHash(), Base64.getEncoder().encodeToString(ticket.certificate()),
        ticket.expiresAt(), ticket.failedAttempts());
  }

  @Override
  public Optional<BindingTicket> find(String ticketHash, Instant now) {
    return jdbc.one("SELECT ticket_hash, certificate, expires_at, failed_attempts FROM certificate_binding_ticket"
            + " WHERE ticket_hash = ? AND expires_at > ?",
        rs -> new BindingTicket(rs.getString("ticket_hash"), Base64.getDecoder().decode(rs.getString("certificate")),
            Jdbc.instant(rs, "expires_at"), rs.getInt("failed_attempts")),
        ticketHash, now);
  }

  @Override
  public int recordFailure(String ticketHash) {
    jdbc.update("UPDATE certificate_binding_ticket SET failed_attempts = failed_attempts + 1 WHERE ticket_hash = ?",
        ticketHash);
    return jdbc.one("SELECT failed_attempts FROM certificate_binding_ticket WHERE ticket_hash = ?",
        rs -> rs.getInt(1), ticketHash).orElse(Integer.MAX_VALUE);
  }

  @Override
  public boolean take(String ticketHash) {
    return jdbc.update("DELETE FROM certificate_binding_ticket WHERE ticket_hash = ?", ticketHash) == 1;
  }

  @Override
  public int removeExpired(Instant now) {
    return jdbc.update("DELETE FROM certificate_binding_ticket WHERE expires_at <= ?", now);
  }
}

package tw.ecpa.portal.certificate;

import java.time.Instant;
import java.util.Optional;

/** Where binding tickets wait, as SHA-256 hashes, shared by every server node. */
public interface BindingTickets {

  /** Keeps a new ticket. */
  void save(BindingTicket ticket);

  /** The ticket with this hash if it has not expired by this moment, without using it up. */
  Optional<BindingTicket> find(String ticketHash, Instant now);

  /** Counts one wrong account typed against the ticket; returns the new count. */
  int recordFailure(String ticketHash);

  /** Uses a ticket up; false when it was used (or removed) already. */
  boolean take(String ticketHash);

  /** Removes every ticket expired by this moment; returns how many. */
  int removeExpired(Instant now);
}

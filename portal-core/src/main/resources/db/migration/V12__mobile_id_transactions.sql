-- Mobile natural-person certificate (行動自然人憑證) login transactions, shared by every server node.
-- Written for both H2 (PostgreSQL mode) and PostgreSQL. The transaction id and the challenge are stored
-- as SHA-256 hashes only.

CREATE TABLE mobile_id_transaction (
  transaction_hash VARCHAR(64) PRIMARY KEY,
  -- The identity number the transaction was started for, only while it is pending (NULL once it ended):
  -- being unique, it lets one number have one pending transaction at a time (NULLs do not collide).
  id_number        VARCHAR(10) UNIQUE,
  id_masked        VARCHAR(10) NOT NULL,
  challenge_hash   VARCHAR(64) NOT NULL,
  status           VARCHAR(16) NOT NULL
                   CHECK (status IN ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED', 'FAILED')),
  started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  last_poll_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX mobile_id_transaction_expires ON mobile_id_transaction (expires_at);

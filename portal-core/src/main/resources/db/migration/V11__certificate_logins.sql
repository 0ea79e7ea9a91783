-- Certificate logins (自然人憑證 MOICA, 機關憑證 GCA). Written for both H2 (PostgreSQL mode) and PostgreSQL.
-- Challenges and tickets are stored as SHA-256 hashes only.

-- The server's single-use login challenges: the card signs one, the server takes it once.
CREATE TABLE login_challenge (
  challenge_hash VARCHAR(64) PRIMARY KEY,
  expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX login_challenge_expires ON login_challenge (expires_at);

-- A verified, unbound certificate waiting a few minutes for the custom account or ID number it binds to.
CREATE TABLE certificate_binding_ticket (
  ticket_hash     VARCHAR(64)   PRIMARY KEY,
  -- The certificate, DER in base64.
  certificate     VARCHAR(8000) NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  failed_attempts INTEGER       NOT NULL DEFAULT 0
);

CREATE INDEX certificate_binding_ticket_expires ON certificate_binding_ticket (expires_at);

-- Certificates bound to accounts: one binding per certificate (its SHA-256 fingerprint); an account may
-- hold several (a renewed card next to the old one until that expires).
CREATE TABLE account_certificate (
  fingerprint VARCHAR(64)  PRIMARY KEY,
  account_id  BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  serial      VARCHAR(64)  NOT NULL,
  issuer      VARCHAR(500) NOT NULL,
  subject     VARCHAR(500) NOT NULL,
  not_after   TIMESTAMP WITH TIME ZONE NOT NULL,
  bound_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX account_certificate_account ON account_certificate (account_id, bound_at);

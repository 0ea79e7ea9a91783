-- Wrong logins of names no account has, counted as an account's are, so that an unknown account is locked
-- at the fifth failure like a real one and the answers do not tell which exists. The name is kept only as
-- a SHA-256 digest (what was typed may be a password typed into the wrong field), and a row is forgotten
-- a day after its last failure once no lock holds.

CREATE TABLE unknown_login_failure (
  digest          CHAR(64)                 PRIMARY KEY,
  failed_attempts INT                      NOT NULL,
  locked_until    TIMESTAMP WITH TIME ZONE,
  last_failure    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX unknown_login_failure_last ON unknown_login_failure (last_failure);

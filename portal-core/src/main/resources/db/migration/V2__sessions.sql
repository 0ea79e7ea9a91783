-- Portal sessions live in the database so that any server node can serve any request.
-- Only a SHA-256 of the session token is stored: a copy of the table logs nobody in.

CREATE TABLE portal_session (
  token_hash   VARCHAR(64) PRIMARY KEY,
  account_id   BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  login_method VARCHAR(20) NOT NULL,
  csrf_token   VARCHAR(64) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX portal_session_seen ON portal_session (last_seen_at);

-- Issued captchas, kept until checked (each is checked once) or expired. Written for both H2
-- (PostgreSQL mode) and PostgreSQL. Only a SHA-256 of the lower-cased answer is stored.

CREATE TABLE captcha (
  id          VARCHAR(64) PRIMARY KEY,
  answer_hash VARCHAR(64) NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX captcha_expires ON captcha (expires_at);

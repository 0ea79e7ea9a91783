-- Organization-certificate (機關憑證 GCA) sessions: they belong to an organization, not to a person's
-- account, and open only the organization's HR functions. A session has exactly one of the two.

ALTER TABLE portal_session ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE portal_session ADD COLUMN organization_code VARCHAR(20) REFERENCES organization (code) ON DELETE CASCADE;
ALTER TABLE portal_session ADD CONSTRAINT portal_session_owner
  CHECK ((account_id IS NULL) <> (organization_code IS NULL));

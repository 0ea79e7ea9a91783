-- 應用系統 我的最愛: each account's favourite application systems. Written for both H2 (PostgreSQL mode)
-- and PostgreSQL. The systems themselves are a catalogue shipped with the code, so system_id is not a
-- foreign key; ids of systems that leave the catalogue are simply not shown.

-- The accounts that were given the default favourites of a newly appointed civil servant; being here
-- means the favourites are the person's own from then on, even when they removed them all.
CREATE TABLE application_favourite_owner (
  account_id BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
  seeded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE application_favourite (
  account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  system_id  VARCHAR(40) NOT NULL,
  added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_id, system_id)
);

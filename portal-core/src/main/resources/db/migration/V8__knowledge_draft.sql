-- The knowledge staff's draft: the tree's files as one JSON object (a single row). The bot keeps
-- answering from the newest published version until the draft is published.

CREATE TABLE kb_draft (
  id         INTEGER      PRIMARY KEY CHECK (id = 1),
  files      TEXT         NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

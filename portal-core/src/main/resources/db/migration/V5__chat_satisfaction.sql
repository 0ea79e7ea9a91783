-- The chat's satisfaction survey (滿意度調查): one score per conversation, with an optional comment
-- (identity numbers masked before storing) and the node the conversation ended on, so the knowledge
-- staff can see which answers leave people unsatisfied. Conversations are known only by a SHA-256
-- of their id. The bot's tables share the portal's database and its one migration sequence.

CREATE TABLE chat_satisfaction (
  conversation_hash VARCHAR(64)  PRIMARY KEY,
  score             INTEGER      NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment           VARCHAR(500),
  last_node_id      VARCHAR(100),
  answered_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX chat_satisfaction_time ON chat_satisfaction (answered_at);

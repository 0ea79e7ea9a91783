-- Thumbs up / down on the bot's answers: one vote per conversation and answer (a second click
-- replaces the first), so the knowledge staff can see which answers fail.

CREATE TABLE chat_answer_vote (
  conversation_hash VARCHAR(64)  NOT NULL,
  answer_id         VARCHAR(100) NOT NULL,
  helpful           BOOLEAN      NOT NULL,
  voted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (conversation_hash, answer_id)
);

CREATE INDEX chat_answer_vote_answer ON chat_answer_vote (answer_id);

-- Daily counts for the knowledge staff's analytics: free-text questions by outcome (kind 'asked',
-- key answer / did-you-mean / fallback) and nodes shown (kind 'shown', key the node id). Counted in
-- memory and added here every minute, so the chat never waits on it.

CREATE TABLE chat_daily_stat (
  stat_day   DATE         NOT NULL,
  stat_kind  VARCHAR(10)  NOT NULL,
  stat_key   VARCHAR(100) NOT NULL,
  stat_count BIGINT       NOT NULL,
  PRIMARY KEY (stat_day, stat_kind, stat_key)
);

-- The draft's revision: a random token each save sets, so that an edit made on one server node does
-- not overwrite an edit another node saved meanwhile (the edit is made again on the newer draft).

ALTER TABLE kb_draft ADD COLUMN revision VARCHAR(40) DEFAULT 'initial' NOT NULL;

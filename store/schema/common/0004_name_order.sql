-- entities_name again (version 3 dropped it for entities_name_actor): its
-- entries for one name come in entity order, which is the documents' order
-- (entity = doc * 65536 + n), so "quotes --speaker NAME" walks a name's
-- entities from the newest and stops at its limit, however many quotes the
-- name has; entities_name_actor keeps the actors of a name.
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);

-- entities_name_actor (version 2) serves every lookup by name that
-- entities_name served: one index on entities.name is enough, and an
-- entity stored costs one index entry less.
DROP INDEX entities_name;

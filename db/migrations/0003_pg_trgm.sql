-- Trigram matching for the queue's substring search over company, shop domain and contact email
-- (the GIN gin_trgm_ops indexes on merchants in the next migration need it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Extensions for the record's search (similar names, accent-insensitive matching); both exist in
-- PGlite (loaded by the server) and in Debian's PostgreSQL 15 contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;

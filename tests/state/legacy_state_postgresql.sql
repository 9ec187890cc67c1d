-- The state tables exactly as the code before Alembic (commit 74f4700) created them on postgresql:
-- CREATE TABLE / CREATE INDEX IF NOT EXISTS from the models, no version table.
CREATE TABLE IF NOT EXISTS answer_votes (
	answer_id VARCHAR(32) NOT NULL, 
	user_hash VARCHAR(64) NOT NULL, 
	query TEXT NOT NULL, 
	page INTEGER NOT NULL, 
	vote INTEGER NOT NULL, 
	at DOUBLE PRECISION NOT NULL, 
	PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX IF NOT EXISTS ix_answer_votes_at ON answer_votes (at);
CREATE TABLE IF NOT EXISTS handled_events (
	event_id VARCHAR(100) NOT NULL, 
	handled_at DOUBLE PRECISION NOT NULL, 
	PRIMARY KEY (event_id)
);
CREATE INDEX IF NOT EXISTS ix_handled_events_handled_at ON handled_events (handled_at);
CREATE TABLE IF NOT EXISTS query_log (
	id SERIAL NOT NULL, 
	at DOUBLE PRECISION NOT NULL, 
	user_hash VARCHAR(64) NOT NULL, 
	source VARCHAR(16) NOT NULL, 
	query TEXT NOT NULL, 
	query_key VARCHAR(500) NOT NULL, 
	intent VARCHAR(20) NOT NULL, 
	score DOUBLE PRECISION NOT NULL, 
	results INTEGER NOT NULL, 
	empty BOOLEAN NOT NULL, 
	latency_ms INTEGER NOT NULL, 
	answer_id VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_query_log_at ON query_log (at);
CREATE INDEX IF NOT EXISTS ix_query_log_key ON query_log (query_key);
CREATE TABLE IF NOT EXISTS reseed_runs (
	id SERIAL NOT NULL, 
	started_at DOUBLE PRECISION NOT NULL, 
	finished_at DOUBLE PRECISION NOT NULL, 
	by VARCHAR(100) NOT NULL, 
	outcome VARCHAR(16) NOT NULL, 
	detail TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_reseed_runs_started_at ON reseed_runs (started_at);
CREATE TABLE IF NOT EXISTS state_meta (
	key VARCHAR(100) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY (key)
);
CREATE TABLE IF NOT EXISTS uploaded_documents (
	name VARCHAR(200) NOT NULL, 
	text TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	size INTEGER NOT NULL, 
	uploaded_by VARCHAR(40) NOT NULL, 
	uploaded_at DOUBLE PRECISION NOT NULL, 
	PRIMARY KEY (name), 
	UNIQUE (sha256)
);

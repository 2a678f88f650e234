-- index ix_attachment_sha256
CREATE INDEX ix_attachment_sha256 ON attachment (sha256);
-- index ix_enrolled_office_code
CREATE INDEX ix_enrolled_office_code ON enrolled_office (code);
-- index ix_import_log_bundle_id
CREATE INDEX ix_import_log_bundle_id ON import_log (bundle_id);
-- index ix_notice_category_published
CREATE INDEX ix_notice_category_published ON notice (category_id, published);
-- index ix_notice_deadline
CREATE INDEX ix_notice_deadline ON notice (deadline);
-- index ix_notice_listing
CREATE INDEX ix_notice_listing ON notice (withdrawn, published);
-- index ix_notice_relation_target
CREATE INDEX ix_notice_relation_target ON notice_relation (target_id, relation);
-- index ix_office_event_notice_id
CREATE INDEX ix_office_event_notice_id ON office_event (notice_id);
-- index ix_receipt_event_notice
CREATE INDEX ix_receipt_event_notice ON receipt_event (notice_id, office_code);
-- index ix_register_entry_status
CREATE INDEX ix_register_entry_status ON register_entry (status);
-- table alembic_version
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
-- table attachment
CREATE TABLE attachment (
	id INTEGER NOT NULL, 
	notice_id VARCHAR(120) NOT NULL, 
	position INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	media_type TEXT NOT NULL, 
	size INTEGER NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_attachment PRIMARY KEY (id), 
	CONSTRAINT fk_attachment_notice_id_notice FOREIGN KEY(notice_id) REFERENCES notice (id) ON DELETE CASCADE, 
	CONSTRAINT uq_attachment_notice_id UNIQUE (notice_id, position)
);
-- table category
CREATE TABLE category (
	id INTEGER NOT NULL, 
	path TEXT NOT NULL, 
	name TEXT NOT NULL, 
	parent_id INTEGER, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_category PRIMARY KEY (id), 
	CONSTRAINT fk_category_parent_id_category FOREIGN KEY(parent_id) REFERENCES category (id), 
	CONSTRAINT uq_category_path UNIQUE (path)
);
-- table early_withdrawal
CREATE TABLE early_withdrawal (
	publisher_id VARCHAR(120) NOT NULL, 
	notice_id VARCHAR(120) NOT NULL, 
	revision INTEGER NOT NULL, 
	CONSTRAINT pk_early_withdrawal PRIMARY KEY (publisher_id, notice_id), 
	CONSTRAINT fk_early_withdrawal_publisher_id_publisher FOREIGN KEY(publisher_id) REFERENCES publisher (id)
);
-- table enrolled_office
CREATE TABLE enrolled_office (
	key_id VARCHAR(32) NOT NULL, 
	public_key BLOB NOT NULL, 
	code VARCHAR(40) NOT NULL, 
	name TEXT NOT NULL, 
	added_at INTEGER NOT NULL, 
	removed_at INTEGER, 
	CONSTRAINT pk_enrolled_office PRIMARY KEY (key_id)
);
-- table import_log
CREATE TABLE import_log (
	id INTEGER NOT NULL, 
	bundle_id VARCHAR(64) NOT NULL, 
	publisher_id VARCHAR(120) NOT NULL, 
	sequence INTEGER NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	imported_at INTEGER NOT NULL, 
	added INTEGER NOT NULL, 
	updated INTEGER NOT NULL, 
	withdrawn INTEGER NOT NULL, 
	unchanged INTEGER NOT NULL, 
	outcome VARCHAR(20) NOT NULL, 
	reason TEXT, manifest_sha256 VARCHAR(64), 
	CONSTRAINT pk_import_log PRIMARY KEY (id)
);
-- table key_delegation
CREATE TABLE key_delegation (
	key_id VARCHAR(32) NOT NULL, 
	public_key BLOB NOT NULL, 
	publisher_id VARCHAR(120) NOT NULL, 
	root_fingerprint VARCHAR(64) NOT NULL, 
	until VARCHAR(10) NOT NULL, 
	created INTEGER NOT NULL, 
	seen_at INTEGER NOT NULL, 
	CONSTRAINT pk_key_delegation PRIMARY KEY (key_id)
);
-- table key_revocation
CREATE TABLE key_revocation (
	key_id VARCHAR(32) NOT NULL, 
	root_fingerprint VARCHAR(64) NOT NULL, 
	reason TEXT NOT NULL, 
	created INTEGER NOT NULL, 
	seen_at INTEGER NOT NULL, 
	bundle_id VARCHAR(64), 
	CONSTRAINT pk_key_revocation PRIMARY KEY (key_id)
);
-- table notice
CREATE TABLE notice (
	id VARCHAR(120) NOT NULL, 
	publisher_id VARCHAR(120), 
	title TEXT NOT NULL, 
	summary TEXT, 
	body_markdown TEXT NOT NULL, 
	category_id INTEGER, 
	published INTEGER, 
	updated INTEGER, 
	revision INTEGER NOT NULL, 
	number TEXT, 
	doc_type TEXT, 
	issuer TEXT, 
	issued VARCHAR(10), 
	withdrawn BOOLEAN NOT NULL, 
	has_content BOOLEAN NOT NULL, 
	content_hash VARCHAR(64) NOT NULL, effective VARCHAR(10), expires VARCHAR(10), signer_authority TEXT, signer_title TEXT, signer_name TEXT, sector TEXT, urgency VARCHAR(20), deadline VARCHAR(10), recipients JSON, 
	CONSTRAINT pk_notice PRIMARY KEY (id), 
	CONSTRAINT fk_notice_category_id_category FOREIGN KEY(category_id) REFERENCES category (id), 
	CONSTRAINT fk_notice_publisher_id_publisher FOREIGN KEY(publisher_id) REFERENCES publisher (id)
);
-- table notice_relation
CREATE TABLE notice_relation (
	notice_id VARCHAR(120) NOT NULL, 
	relation VARCHAR(20) NOT NULL, 
	target_id VARCHAR(120) NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_notice_relation PRIMARY KEY (notice_id, relation, target_id), 
	CONSTRAINT fk_notice_relation_notice_id_notice FOREIGN KEY(notice_id) REFERENCES notice (id) ON DELETE CASCADE
);
-- table office_event
CREATE TABLE office_event (
	id INTEGER NOT NULL, 
	notice_id VARCHAR(120) NOT NULL, 
	code VARCHAR(10) NOT NULL, 
	at INTEGER NOT NULL, 
	person TEXT, 
	incoming_year INTEGER, 
	incoming_number INTEGER, 
	CONSTRAINT pk_office_event PRIMARY KEY (id)
);
-- table office_identity
CREATE TABLE office_identity (
	id INTEGER NOT NULL, 
	code VARCHAR(40) NOT NULL, 
	name TEXT NOT NULL, 
	key_id VARCHAR(32) NOT NULL, 
	public_key BLOB NOT NULL, 
	key_path TEXT, 
	created_at INTEGER NOT NULL, 
	CONSTRAINT pk_office_identity PRIMARY KEY (id)
);
-- table office_report
CREATE TABLE office_report (
	id INTEGER NOT NULL, 
	notice_id VARCHAR(120) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	name TEXT NOT NULL, 
	media_type TEXT NOT NULL, 
	size INTEGER NOT NULL, 
	attached_at INTEGER NOT NULL, 
	CONSTRAINT pk_office_report PRIMARY KEY (id), 
	CONSTRAINT uq_office_report_notice_id UNIQUE (notice_id, sha256)
);
-- table publisher
CREATE TABLE publisher (
	id VARCHAR(120) NOT NULL, 
	name TEXT NOT NULL, 
	last_sequence INTEGER NOT NULL, 
	last_bundle_id VARCHAR(64), 
	last_imported_at INTEGER, 
	CONSTRAINT pk_publisher PRIMARY KEY (id)
);
-- table publisher_trust
CREATE TABLE publisher_trust (
	publisher_id VARCHAR(120) NOT NULL, 
	last_signed_at INTEGER, 
	root_fingerprint VARCHAR(64), 
	CONSTRAINT pk_publisher_trust PRIMARY KEY (publisher_id), 
	CONSTRAINT fk_publisher_trust_publisher_id_publisher FOREIGN KEY(publisher_id) REFERENCES publisher (id)
);
-- table reading_state
CREATE TABLE reading_state (
	notice_id VARCHAR(120) NOT NULL, 
	views INTEGER NOT NULL, 
	first_opened INTEGER, 
	last_opened INTEGER, 
	bookmarked BOOLEAN NOT NULL, 
	CONSTRAINT pk_reading_state PRIMARY KEY (notice_id), 
	CONSTRAINT fk_reading_state_notice_id_notice FOREIGN KEY(notice_id) REFERENCES notice (id) ON DELETE CASCADE
);
-- table receipt_bundle
CREATE TABLE receipt_bundle (
	office_code VARCHAR(40) NOT NULL, 
	publisher_id VARCHAR(120) NOT NULL, 
	bundle_id VARCHAR(64) NOT NULL, 
	manifest_sha256 VARCHAR(64) NOT NULL, 
	sequence INTEGER NOT NULL, 
	imported_at INTEGER NOT NULL, 
	CONSTRAINT pk_receipt_bundle PRIMARY KEY (office_code, publisher_id, bundle_id, manifest_sha256)
);
-- table receipt_event
CREATE TABLE receipt_event (
	office_code VARCHAR(40) NOT NULL, 
	notice_id VARCHAR(120) NOT NULL, 
	code VARCHAR(10) NOT NULL, 
	at INTEGER NOT NULL, 
	person TEXT, 
	incoming_year INTEGER, 
	incoming_number INTEGER, 
	CONSTRAINT pk_receipt_event PRIMARY KEY (office_code, notice_id, code, at)
);
-- table receipt_imported
CREATE TABLE receipt_imported (
	id INTEGER NOT NULL, 
	office_code VARCHAR(40) NOT NULL, 
	key_id VARCHAR(32) NOT NULL, 
	sequence INTEGER NOT NULL, 
	receipt_id VARCHAR(32) NOT NULL, 
	manifest_sha256 VARCHAR(64) NOT NULL, 
	created_at INTEGER NOT NULL, 
	imported_at INTEGER NOT NULL, 
	acknowledged INTEGER NOT NULL, 
	bundles INTEGER NOT NULL, 
	events INTEGER NOT NULL, 
	reports INTEGER NOT NULL, 
	CONSTRAINT pk_receipt_imported PRIMARY KEY (id), 
	CONSTRAINT uq_receipt_imported_office_code UNIQUE (office_code, sequence)
);
-- table receipt_report
CREATE TABLE receipt_report (
	office_code VARCHAR(40) NOT NULL, 
	notice_id VARCHAR(120) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	name TEXT NOT NULL, 
	media_type TEXT NOT NULL, 
	size INTEGER NOT NULL, 
	attached_at INTEGER NOT NULL, 
	CONSTRAINT pk_receipt_report PRIMARY KEY (office_code, notice_id, sha256)
);
-- table receipt_written
CREATE TABLE receipt_written (
	sequence INTEGER NOT NULL, 
	receipt_id VARCHAR(32) NOT NULL, 
	manifest_sha256 VARCHAR(64) NOT NULL, 
	created_at INTEGER NOT NULL, 
	last_event_id INTEGER NOT NULL, 
	last_log_id INTEGER NOT NULL, 
	last_report_id INTEGER NOT NULL, 
	events INTEGER NOT NULL, 
	acknowledged_at INTEGER, 
	CONSTRAINT pk_receipt_written PRIMARY KEY (sequence)
);
-- table register_entry
CREATE TABLE register_entry (
	year INTEGER NOT NULL, 
	number INTEGER NOT NULL, 
	notice_id VARCHAR(120) NOT NULL, 
	received_at INTEGER NOT NULL, 
	assigned_to TEXT, 
	handed_over VARCHAR(10), 
	note TEXT, 
	status VARCHAR(20) NOT NULL, 
	CONSTRAINT pk_register_entry PRIMARY KEY (year, number), 
	CONSTRAINT fk_register_entry_notice_id_notice FOREIGN KEY(notice_id) REFERENCES notice (id), 
	CONSTRAINT uq_register_entry_notice_id UNIQUE (notice_id)
);
-- table related_link
CREATE TABLE related_link (
	notice_id VARCHAR(120) NOT NULL, 
	position INTEGER NOT NULL, 
	target_id VARCHAR(120) NOT NULL, 
	CONSTRAINT pk_related_link PRIMARY KEY (notice_id, position), 
	CONSTRAINT fk_related_link_notice_id_notice FOREIGN KEY(notice_id) REFERENCES notice (id) ON DELETE CASCADE
);
-- table search_key
CREATE TABLE search_key (rowid INTEGER PRIMARY KEY, notice_id TEXT NOT NULL UNIQUE, category_id INTEGER, doc_type_f TEXT, issuer_f TEXT);
-- table search_main
CREATE VIRTUAL TABLE search_main USING fts5(title, number, body, meta, exact, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3');
-- table search_main_config
CREATE TABLE 'search_main_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table search_main_content
CREATE TABLE 'search_main_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4);
-- table search_main_data
CREATE TABLE 'search_main_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table search_main_docsize
CREATE TABLE 'search_main_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table search_main_idx
CREATE TABLE 'search_main_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table search_number
CREATE VIRTUAL TABLE search_number USING fts5(number, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3');
-- table search_number_config
CREATE TABLE 'search_number_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table search_number_content
CREATE TABLE 'search_number_content'(id INTEGER PRIMARY KEY, c0);
-- table search_number_data
CREATE TABLE 'search_number_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table search_number_docsize
CREATE TABLE 'search_number_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table search_number_idx
CREATE TABLE 'search_number_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table search_term
CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID;
-- table search_title
CREATE VIRTUAL TABLE search_title USING fts5(title, exact, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3');
-- table search_title_config
CREATE TABLE 'search_title_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table search_title_content
CREATE TABLE 'search_title_content'(id INTEGER PRIMARY KEY, c0, c1);
-- table search_title_data
CREATE TABLE 'search_title_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table search_title_docsize
CREATE TABLE 'search_title_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table search_title_idx
CREATE TABLE 'search_title_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table trusted_channel
CREATE TABLE trusted_channel (
	channel VARCHAR(120) NOT NULL, 
	added_at INTEGER NOT NULL, 
	explicit BOOLEAN NOT NULL, 
	CONSTRAINT pk_trusted_channel PRIMARY KEY (channel)
);
-- table trusted_key
CREATE TABLE trusted_key (
	key_id VARCHAR(32) NOT NULL, 
	public_key BLOB NOT NULL, 
	name TEXT NOT NULL, 
	publisher_id VARCHAR(120), 
	added_at INTEGER NOT NULL, removed_at INTEGER, 
	CONSTRAINT pk_trusted_key PRIMARY KEY (key_id), 
	CONSTRAINT fk_trusted_key_publisher_id_publisher FOREIGN KEY(publisher_id) REFERENCES publisher (id)
);
-- table trusted_root
CREATE TABLE trusted_root (
	fingerprint VARCHAR(64) NOT NULL, 
	public_keys JSON NOT NULL, 
	threshold INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	added_at INTEGER NOT NULL, 
	previous VARCHAR(64), 
	superseded_at INTEGER, 
	removed_at INTEGER, 
	CONSTRAINT pk_trusted_root PRIMARY KEY (fingerprint)
);

-- mVoting V11: a results summary's PDF is made once and kept, so the file anyone downloads is always the same bytes
-- and a copy can be checked against it byte for byte (an altered PDF does not match).
ALTER TABLE poll_summary ADD COLUMN pdf        BYTEA;
ALTER TABLE poll_summary ADD COLUMN pdf_sha256 BYTEA UNIQUE;

-- mVoting V11 for Oracle: the kept summary PDF and its hash (see postgresql/V11__summary_pdf.sql).
ALTER TABLE poll_summary ADD (pdf BLOB, pdf_sha256 RAW(32) UNIQUE);

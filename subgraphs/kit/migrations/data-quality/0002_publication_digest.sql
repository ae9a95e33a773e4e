-- What a publication held, as a digest (SHA-256 of its views and issues in order): a
-- department republishing what it published last time only renews published_at, rather than
-- rewriting a district's issues every five minutes.
ALTER TABLE publication ADD COLUMN digest text;

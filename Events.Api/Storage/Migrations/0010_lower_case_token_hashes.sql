-- Every stored token hash is now written by one function (SecretCode.Hash: lower-case hex of a SHA-256). Organiser
-- tokens and sessions were upper-case hex, speaker links lower-case; the same letters either way, so this only
-- changes their case and every live link and session keeps working.
UPDATE organiser_tokens SET token_hash = lower(token_hash);
UPDATE organiser_sessions SET id_hash = lower(id_hash);

-- Sign-in throttling without lock-outs (OWASP's "device cookies"): failures are counted
-- per client address, per user name from an address, per user name from browsers the
-- site does not know, and per known browser. Past a free allowance each failure makes
-- that key wait longer before its next try; a success clears the keys it used.
DROP TABLE login_failure;

CREATE TABLE sign_in_throttle (
	key           text PRIMARY KEY,
	failures      integer     NOT NULL DEFAULT 0,
	last_at       timestamptz NOT NULL,
	blocked_until timestamptz
);
CREATE INDEX sign_in_throttle_recent ON sign_in_throttle (last_at DESC);

-- Browsers the host signed in from: each holds a random token in a cookie, and keeps an
-- allowance of its own that others' failures do not use up. Only the token's hash is kept.
CREATE TABLE sign_in_device (
	token_hash   text PRIMARY KEY,
	username     text        NOT NULL,
	created_at   timestamptz NOT NULL,
	last_used_at timestamptz NOT NULL
);
CREATE INDEX sign_in_device_user ON sign_in_device (username);

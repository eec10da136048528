-- Failed logins, one row each, for the login throttle shared by every app instance. The key is
-- "u:<lower-case username>" or "a:<client address>" (at most 200 characters, compared byte for
-- byte). Rows older than the throttle window are purged by the service in small batches.
CREATE TABLE postbox_login_failure (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    throttle_key VARCHAR(200) NOT NULL,
    failed_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX postbox_login_failure_key_idx ON postbox_login_failure (throttle_key, failed_at);
CREATE INDEX postbox_login_failure_time_idx ON postbox_login_failure (failed_at);

-- Users: Django's auth_user columns, so a seed's users (and their password hashes) carry over.
-- username_canonical is Username.canonical() (NFKC + Locale.ROOT lower case), computed in Java
-- and stored, not a generated LOWER(username) column: the database's case mapping differs from
-- Java's for some letters, and the unique index must enforce exactly the key the domain defines.
-- utf8mb4_bin compares it byte for byte, so no collation folds two distinct keys together.
CREATE TABLE auth_user (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    password           VARCHAR(256) NOT NULL,
    last_login         DATETIME(6)  NULL,
    is_superuser       BOOLEAN      NOT NULL,
    username           VARCHAR(150) NOT NULL,
    first_name         VARCHAR(150) NOT NULL DEFAULT '',
    last_name          VARCHAR(150) NOT NULL DEFAULT '',
    email              VARCHAR(254) NOT NULL,
    is_staff           BOOLEAN      NOT NULL,
    is_active          BOOLEAN      NOT NULL,
    date_joined        DATETIME(6)  NOT NULL,
    username_canonical VARCHAR(150) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT auth_user_username_canonical_uq UNIQUE (username_canonical)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Sessions keyed by the SHA-256 of the token (64 hex digits), never the token itself.
-- No foreign key to auth_user: sessions are deleted with their user by the services, and a
-- foreign key would make every session insert lock the user's row on the primary.
CREATE TABLE postbox_session (
    token_hash  CHAR(64)     NOT NULL,
    user_id     BIGINT       NOT NULL,
    created     DATETIME(6)  NOT NULL,
    last_seen   DATETIME(6)  NOT NULL,
    expires     DATETIME(6)  NOT NULL,
    csrf_secret VARCHAR(128) NOT NULL,
    PRIMARY KEY (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX postbox_session_user_idx ON postbox_session (user_id);
CREATE INDEX postbox_session_expires_idx ON postbox_session (expires);

-- The account HAProxy's "option mysql-check user haproxy_check" logs in with: no password,
-- no privileges, few connections. Run on the primary; replication copies it to the replicas.
CREATE USER IF NOT EXISTS 'haproxy_check'@'%' WITH MAX_USER_CONNECTIONS 10;

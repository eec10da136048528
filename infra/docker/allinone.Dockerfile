# syntax=docker/dockerfile:1
# All in one container: one app instance and its nginx under supervisord, talking over a unix
# socket (the stores stay outside: set POSTBOX_DB_* and POSTBOX_CASSANDRA_*). Build context: the
# repository root, with the app image as the named context "postbox-app" (see nginx.Dockerfile).
FROM debian:12.11-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx supervisor openjdk-17-jre-headless curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /srv/postbox --create-home postbox \
 && usermod -a -G postbox www-data
COPY --from=postbox-app /opt/postbox /opt/postbox
COPY infra/nginx/ /opt/postbox-nginx/
COPY infra/supervisor/supervisord.conf /etc/postbox/supervisord.conf
RUN install -d -o postbox -g postbox -m 0750 /run/postbox
ENV SUPERVISOR_RUN_DIR=/run \
    APP_BIN=/opt/postbox/bin/postbox \
    APP_USER=postbox \
    APP_LOG=/dev/stdout \
    NGINX_LOG=/dev/stdout \
    NGINX_ENTRYPOINT=/opt/postbox-nginx/entrypoint \
    POSTBOX_HTTP_UNIX_SOCKET=/run/postbox/app.sock \
    POSTBOX_HTTP_UNIX_SOCKET_MODE=660 \
    POSTBOX_STATIC_DIR=/opt/postbox/static \
    POSTBOX_SERVE_STATIC=false \
    POSTBOX_DATA_DIR=/srv/postbox \
    NGINX_UPSTREAM=unix:/run/postbox/app.sock \
    NGINX_LISTEN=8080 \
    NGINX_STATIC_DIR=/opt/postbox/static \
    NGINX_RUN_DIR=/run/postbox-nginx \
    NGINX_USER="www-data www-data"
EXPOSE 8080
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/health/ready"]
CMD ["supervisord", "-c", "/etc/postbox/supervisord.conf"]

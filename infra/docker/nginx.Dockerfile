# syntax=docker/dockerfile:1
# nginx in front of one app instance, with the app's collected static files baked in.
# Build context: the repository root; the app image comes in as the named context "postbox-app":
#   docker build -f infra/docker/nginx.Dockerfile \
#     --build-context postbox-app=docker-image://postbox/app:0.1.0 -t postbox/nginx:0.1.0 .
# (compose.yaml passes it with additional_contexts). NGINX_UPSTREAM is required at run time.
FROM nginx:1.22.1
COPY infra/nginx/ /opt/postbox-nginx/
COPY --from=postbox-app /opt/postbox/static /srv/postbox/static
ENV NGINX_LISTEN=8080 \
    NGINX_STATIC_DIR=/srv/postbox/static \
    NGINX_RUN_DIR=/tmp/postbox-nginx \
    NGINX_USER="nginx nginx"
EXPOSE 8080
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["/opt/postbox-nginx/entrypoint"]

# syntax=docker/dockerfile:1
# The Postbox app image. Build context: the repository root
#   docker build -f infra/docker/app.Dockerfile -t postbox/app:0.1.0 .
# The Maven dependencies are resolved in a layer of their own, keyed only by the pom files, so a
# change to the sources rebuilds in seconds (the seed did the same with its requirements file).

FROM eclipse-temurin:17.0.16_8-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY domain/pom.xml domain/
COPY ports/pom.xml ports/
COPY adapter-mysql/pom.xml adapter-mysql/
COPY adapter-cassandra/pom.xml adapter-cassandra/
COPY adapter-http/pom.xml adapter-http/
COPY launcher/pom.xml launcher/
COPY infra/local-stores/pom.xml infra/local-stores/
# The dependency layer: the real build's lifecycle over modules without sources, so exactly the
# dependencies and plugins the build uses land in ~/.m2 (dependency:go-offline would also chase
# optional dependencies of direct ones, some of which are not on Maven Central). Its empty output
# is thrown away; only the repository stays in the layer (the steps that work on the assembled
# distribution are skipped: there is none). The image runs no embedded stores:
# -Dpostbox.cassandra.server.skip=true leaves out the Cassandra server jars (cassandra-lib/).
RUN ./mvnw -B -ntp -q -DskipTests -Djooq.codegen.skip=true -Dassembly.skipAssembly=true \
      -Dmaven.antrun.skip=true -Dpostbox.archive.skip=true -Dpostbox.cassandra.server.skip=true package \
 && rm -rf -- */target */*/target
COPY domain/src domain/src
COPY ports/src ports/src
COPY adapter-mysql/src adapter-mysql/src
COPY adapter-cassandra/src adapter-cassandra/src
COPY adapter-http/src adapter-http/src
COPY launcher/src launcher/src
COPY infra/local-stores/src infra/local-stores/src
RUN ./mvnw -B -ntp -o -q -DskipTests -Dpostbox.cassandra.server.skip=true package

FROM eclipse-temurin:17.0.16_8-jre-noble
RUN useradd --system --uid 10001 --home-dir /srv/postbox --create-home postbox
# bin/ and lib/ only: run-lib/ (MariaDB's binaries, the local runners) and cassandra-lib/ serve
# `postbox run` on a developer's machine, never the image
COPY --from=build /src/launcher/target/postbox/bin /opt/postbox/bin
COPY --from=build /src/launcher/target/postbox/lib /opt/postbox/lib
# Static files are collected at build time; the nginx image copies them from here.
RUN POSTBOX_STORAGE=memory /opt/postbox/bin/postbox collectstatic --to /opt/postbox/static
ENV POSTBOX_HTTP_HOST=0.0.0.0 \
    POSTBOX_HTTP_PORT=8000 \
    POSTBOX_STATIC_DIR=/opt/postbox/static \
    POSTBOX_SERVE_STATIC=false \
    POSTBOX_DATA_DIR=/srv/postbox
USER postbox
WORKDIR /srv/postbox
EXPOSE 8000
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${POSTBOX_HTTP_PORT} && printf 'GET /health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/opt/postbox/bin/postbox"]
CMD ["serve"]

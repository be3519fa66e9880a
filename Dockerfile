# syntax=docker/dockerfile:1
# Multi-stage build: compile with the JDK, run on the JRE as a non-root user from a layered jar.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true \
 && java -Djarmode=tools -jar target/threadline-*.jar extract --layers --application-filename threadline.jar \
      --destination /extracted

FROM eclipse-temurin:25-jre
# bubblewrap and CPython with numpy, pandas and matplotlib: the code_interpreter sandbox (without them the tool is
# unavailable and assistants that declare it are refused).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl bubblewrap python3 python3-numpy python3-pandas python3-matplotlib \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app threadline \
 && install -d -o threadline -g threadline -m 0700 /var/lib/threadline /var/lib/threadline/files
WORKDIR /app
COPY docker/aot-train.sh /usr/local/lib/threadline/aot-train.sh
# Least-changing layers first, so a code change rebuilds only the last one (and the AOT cache after it).
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# Ahead-of-time class loading and linking cache (JDK 25): a training run starts the context with no database and
# exits after refresh (docker/aot-train.sh). The cache only speeds start-up: when training fails the image starts
# without it, and the build log says why.
RUN sh /usr/local/lib/threadline/aot-train.sh /app /app/threadline.aot \
 || echo "AOT training failed (see above); the image starts without the cache" >&2
USER threadline
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# The same module flag as the training run (a mismatch makes the JVM refuse the cache, with an error line, and start
# without it; so do JAVA_OPTS that change the GC's compressed pointers, such as -XX:+UseZGC).
ENTRYPOINT ["sh", "-c", "exec java --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} $( [ -f threadline.aot ] && echo -XX:AOTCache=threadline.aot ) -jar threadline.jar"]

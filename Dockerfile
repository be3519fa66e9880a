# syntax=docker/dockerfile:1
# Multi-stage build: compile with the JDK, run on the JRE as a non-root user from a layered jar.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true \
 && java -Djarmode=tools -jar target/threadline-*.jar extract --layers --destination /extracted

FROM eclipse-temurin:25-jre
# bubblewrap and CPython with numpy, pandas and matplotlib: the code_interpreter sandbox (without them the tool is
# unavailable and assistants that declare it are refused).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl bubblewrap python3 python3-numpy python3-pandas python3-matplotlib \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app threadline \
 && install -d -o threadline -g threadline -m 0700 /var/lib/threadline /var/lib/threadline/files
WORKDIR /app
# Least-changing layers first, so a code change rebuilds only the last one.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
RUN mv threadline-*.jar threadline.jar
# Ahead-of-time class loading and linking cache (JDK 25): a training run that starts the context against no
# database and exits; the cache only speeds start-up, so a failed training run leaves a working image.
RUN java -XX:AOTCacheOutput=threadline.aot -Dspring.context.exit=onRefresh \
      -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:1/none -Dspring.flyway.enabled=false \
      -Dspring.jpa.hibernate.ddl-auto=none -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
      -jar threadline.jar || rm -f threadline.aot
USER threadline
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} $( [ -f threadline.aot ] && echo -XX:AOTCache=threadline.aot ) -jar threadline.jar"]

# Serving Lab: built from source on JDK 25, run on a JRE 25 as a non-root user.
#   docker build -t serving-lab .
#   docker run --rm -p 8080:8080 -v serving-lab-data:/data serving-lab
# Built for PostgreSQL instead of the H2 file (the database kind is fixed when the app is built):
#   docker build --build-arg DB_KIND=postgresql -t serving-lab-pg .
#   docker run --rm -p 8080:8080 -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/servinglab \
#     -e QUARKUS_DATASOURCE_USERNAME=servinglab -e QUARKUS_DATASOURCE_PASSWORD=... serving-lab-pg
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:resolve
COPY src src
COPY datasets datasets
ARG DB_KIND=h2
RUN ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=${DB_KIND}

FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin servinglab \
    && mkdir -p /data && chown 10001:10001 /data
WORKDIR /app
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/ /app/
COPY --chown=10001:10001 lessons /app/lessons
COPY --chown=10001:10001 quizzes /app/quizzes
COPY --chown=10001:10001 datasets /app/datasets
USER 10001
# Workshops live in an embedded H2 file: mount a volume on /data to keep them when the container is replaced
# (docker run -v serving-lab-data:/data ...).
ENV SERVING_LAB_DATA_DIR=/data
VOLUME /data
# The same JVM options as ./lab start; OpenBLAS comes from the jar when the image has none.
ENV JAVA_OPTS="-XX:+UseG1GC -XX:MaxGCPauseMillis=50 -XX:-ClassUnloadingWithConcurrentMark -XX:MarkStackSize=256k -Xms112m -Xmx112m -XX:G1ReservePercent=15 -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=5000" \
    MALLOC_ARENA_MAX=2
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fs http://127.0.0.1:8080/q/health/ready > /dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]

#!/bin/sh
# Trains the JDK 25 AOT cache of Threadline: starts the Spring context once, with no database,
# and writes the classes it loaded and linked (and the method profiles) to the cache file.
#
#   docker/aot-train.sh APP_DIR CACHE_FILE
#
# APP_DIR holds threadline.jar and lib/, as `java -Djarmode=tools -jar threadline-*.jar extract`
# lays them out (the Dockerfile's /app, the bench's extracted copy). The app must then run from
# APP_DIR with the same class path and the same module flags, or the JVM rejects the cache:
#
#   cd APP_DIR && java --enable-native-access=ALL-UNNAMED -XX:AOTCache=CACHE_FILE -jar threadline.jar
#
# spring.context.exit=onRefresh halts the JVM once the beans exist, before any lifecycle bean
# starts (no web server, no pool connection, no ApplicationStartedEvent). No database is there, so
# Hibernate is told the database (PostgreSQL 17, which picks its dialect) and not to read JDBC
# metadata, and Flyway is off. The master key
# and admin token are throw-away values for this run only; nothing of them is kept in the cache.
# On failure the cache file is removed, the reason printed, and the exit status is non-zero.
# The training run's output goes to $AOT_TRAINING_LOG when set (kept), else to a temporary file.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 APP_DIR CACHE_FILE" >&2; exit 2; }
app_dir=$1
cache=$2
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
case ${AOT_TRAINING_LOG:-/} in /*) ;; *) AOT_TRAINING_LOG=$PWD/$AOT_TRAINING_LOG ;; esac
case $cache in /*) ;; *) cache=$PWD/$cache ;; esac
cd "$app_dir"
[ -f threadline.jar ] || { echo "aot-train: no threadline.jar in $app_dir" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
log=${AOT_TRAINING_LOG:-$scratch/training.log}
rm -f "$cache"
status=0
"$java" --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput="$cache" -Xlog:aot=error \
	-Dspring.context.exit=onRefresh \
	-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:1/aot-training \
	-Dspring.flyway.enabled=false \
	-Dspring.jpa.hibernate.ddl-auto=none \
	-Dspring.jpa.properties.jakarta.persistence.database-product-name=PostgreSQL \
	-Dspring.jpa.properties.jakarta.persistence.database-product-version=17.0 \
	-Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
	-Dserver.port=0 \
	-Dchat.files.directory="$scratch/files" \
	-Dchat.master-key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= \
	-Dadmin.token=aot-training-only-aot-training-only \
	-jar threadline.jar >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ] || [ ! -s "$cache" ]; then
	echo "aot-train: the training run failed (exit status $status); its last lines:" >&2
	grep -v '^[[:space:]]*at ' "$log" | tail -n 25 >&2
	rm -f "$cache"
	exit 1
fi
chmod 0644 "$cache"
grep -E '^AOTCache creation is complete' "$log" || true

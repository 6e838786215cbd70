#!/usr/bin/env bash
# Kafka's logins and ACLs for docker-compose.yml, run by its kafka-setup service (the Kafka image's
# own tools) before any Limber service connects:
#   setup.sh          creates a SCRAM-SHA-512 login for every principal of ops/kafka/acls (its
#                     password from KAFKA_<NAME>_PASSWORD) and adds every ACL of that file;
#   setup.sh check    exits 0 once the broker answers the admin (the kafka service's health check).
# It connects as the admin principal (the broker's only super user) to the inter-broker listener,
# with SASL/PLAIN and KAFKA_ADMIN_PASSWORD. Running it again changes nothing.
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
bin=/opt/kafka/bin
bootstrap=${KAFKA_ADMIN_BOOTSTRAP:-kafka:9094}
config=$(mktemp)  # the admin's client settings, removed on exit
trap 'rm -f "$config"' EXIT
cat > "$config" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}";
PROPS

if [[ ${1:-} == check ]]; then
  "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" --command-config "$config" > /dev/null
  exit
fi

for attempt in $(seq 1 30); do
  "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" --command-config "$config" > /dev/null 2>&1 && break
  [[ $attempt -eq 30 ]] && { echo "kafka-setup: the broker does not answer at $bootstrap" >&2; exit 1; }
  sleep 2
done

for principal in $(grep -o 'User:[a-z0-9-]*' "$dir/acls" | sort -u); do
  name=${principal#User:}
  variable="KAFKA_$(echo "$name" | tr 'a-z-' 'A-Z_')_PASSWORD"
  password=${!variable:?set $variable}
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$config" --alter \
    --entity-type users --entity-name "$name" --add-config "SCRAM-SHA-512=[password=$password]" > /dev/null
  echo "kafka-setup: login $name"
done

grep -v -e '^#' -e '^[[:space:]]*$' "$dir/acls" | while read -r -a acl; do
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$config" --add "${acl[@]}" > /dev/null
  echo "kafka-setup: ${acl[*]}"
done

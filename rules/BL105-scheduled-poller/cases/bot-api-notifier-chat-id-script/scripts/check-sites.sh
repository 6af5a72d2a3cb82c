#!/usr/bin/env bash
# Prints "3/3 up" or the sites that failed, for the report.
set -uo pipefail
up=0; total=0; down=()
while read -r site; do
  total=$((total + 1))
  if curl -fsS -o /dev/null --max-time 10 "$site"; then up=$((up + 1)); else down+=("$site"); fi
done < "$1"
echo "$up/$total up ${down[*]:-}"

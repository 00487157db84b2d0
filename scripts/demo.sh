#!/usr/bin/env bash
# The main job on the shipped standards and fixtures: check every standard, run their test cases,
# score sample inspections, and print the school's weekly league tables with red flags.
set -euo pipefail
cd "$(dirname "$0")/.."
cli() { node dist/cli.js "$@"; }

echo "== scoresheet check standards/"
cli check standards/

echo; echo "== scoresheet test standards/ --coverage"
cli test standards/ --coverage

echo; echo "== scoresheet rank: school fixture, weekly per grade (流动红旗)"
cli rank --standard standards/school-hygiene.yaml --period week --group-by grade \
  --units fixtures/school/units.yaml --roster fixtures/school/roster.yaml \
  --calendar fixtures/school/calendar.yaml fixtures/school/records.yaml --lang zh-CN

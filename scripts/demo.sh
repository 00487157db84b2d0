#!/usr/bin/env bash
# The main job on the shipped standards and fixtures: check every standard, run their test cases,
# score sample inspections (a spreadsheet export included), and print the school's weekly league
# tables with red flags, then write the HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
cli() { node dist/cli.js "$@"; }

echo "== scoresheet check standards/"
cli check standards/

echo; echo "== scoresheet test standards/ --coverage"
cli test standards/ --coverage | tail -n 1

echo; echo "== scoresheet score: four health centres on the 2013 form"
cli score --standard standards/hygiene-supervision-2013.yaml fixtures/csv/hygiene-2013.yaml --lang zh-CN

echo; echo "== scoresheet score: a school week from a spreadsheet (long CSV + its map)"
cli score --standard standards/school-hygiene.yaml --map fixtures/csv/school-hygiene.long.map.yaml fixtures/csv/school-week.long.csv --lang zh-CN | tail -n 1

echo; echo "== scoresheet rank: school fixture, weekly per grade (流动红旗)"
cli rank --standard standards/school-hygiene.yaml --period week --group-by grade \
  --units fixtures/school/units.yaml --roster fixtures/school/roster.yaml \
  --calendar fixtures/school/calendar.yaml fixtures/school/records.yaml --lang zh-CN

echo; echo "== scoresheet assess: a civilised-community composite of two standards, and a village's three stages"
cli check standards/assessments/
cli assess --standard standards/assessments/civilised-community.yaml --period year \
  fixtures/harmonious-community-stars/records.yaml fixtures/civilised-community/hygiene.yaml --lang zh-CN | sed -n 1,7p
cli assess --standard standards/assessments/gd-village-stages.yaml --period year fixtures/gd-village-stages/records.yaml --lang zh-CN | sed -n 1,6p

echo; echo "== scoresheet report --format html -o school-report.html"
cli report --standard standards/school-hygiene.yaml --period week --group-by grade \
  --units fixtures/school/units.yaml --roster fixtures/school/roster.yaml \
  --calendar fixtures/school/calendar.yaml fixtures/school/records.yaml --format html -o school-report.html --lang zh-CN
echo "wrote school-report.html"

#!/usr/bin/env bash
# Adds a migration with the same name to every database provider's migrations project.
#   src/add-migration.sh AddVisitRequests
set -euo pipefail
name=${1:?usage: src/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Consultation.Server -p:SkipWebBuild=true -v q -nologo
for provider in Sqlite SqlServer PostgreSql; do
  project=src/Consultation.Migrations.$provider
  echo "== $provider"
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" --output-dir Migrations
done

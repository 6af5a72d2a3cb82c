#!/bin/sh
# Run the bot locally against the token in .env.
set -e
cd "$(dirname "$0")/.."
swift run Bot serve --env development

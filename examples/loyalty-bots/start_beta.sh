#!/bin/bash
# Run the partner bot on a laptop to try a change before deploying.
cd "$(dirname "$0")"
source .venv/bin/activate
python -m bots.partner

#!/usr/bin/env bash
# Local run for testing handlers.
source venv/bin/activate
python app.py

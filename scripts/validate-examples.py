#!/usr/bin/env python3
"""Validates every example case file against docs/case.schema.json with an independent
JSON Schema implementation (python-jsonschema), and checks that a known-bad file is rejected."""
import glob
import json
import os
import sys

import jsonschema

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
schema = json.load(open(os.path.join(root, "docs", "case.schema.json"), encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0
for path in sorted(glob.glob(os.path.join(root, "examples", "*.json"))):
    errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
    if errors:
        failed += 1
        print(f"FAIL {os.path.basename(path)}: {errors[0].message}")
    else:
        passed += 1
bad = {"patient": {"id": "p", "sex": "f"}, "lesions": [{"id": "L1", "bone": "femurr"}], "extra": 1}
if len(list(validator.iter_errors(bad))) == 3:
    passed += 1
else:
    failed += 1
    print("FAIL the schema accepted a bad case")
print(f"schema: {passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)

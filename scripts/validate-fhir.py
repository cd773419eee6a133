"""Independent check of BoneMet's FHIR export (issue #9): every Bundle in a folder is parsed by
Python fhir.resources (R4B models, the closest to R4 it ships: structure, types, cardinality),
then checked against what fhir.resources does not cover — the mCODE / US Core rules behind each
profile the export claims in meta.profile, ids unique, every reference resolving inside the
Bundle. Prints one line per problem and 'N passed, M failed'; exits 1 on any failure.

Usage: python3 scripts/validate-fhir.py FOLDER_OF_BUNDLES
"""
import json
import os
import sys

from fhir.resources.R4B.bundle import Bundle

MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"


def has(resource, *keys):
    return any(key in resource for key in keys)


def profile_problems(resource):
    """What a resource lacks for the profiles it claims (mCODE STU4 on US Core)."""
    problems = []
    profiles = [p.removeprefix(MCODE) for p in resource.get("meta", {}).get("profile", [])]
    kind = resource["resourceType"]
    need = []
    if "mcode-cancer-patient" in profiles:
        need += [("identifier",), ("gender",), ("name",)]
    if "mcode-primary-cancer-condition" in profiles or "mcode-secondary-cancer-condition" in profiles:
        need += [("subject",), ("code",), ("category",), ("clinicalStatus",), ("verificationStatus",)]
    if "mcode-tumor-marker-test" in profiles:
        need += [("status",), ("category",), ("code",), ("subject",), ("effectiveDateTime", "effectivePeriod"),
                 ("valueQuantity", "valueCodeableConcept", "valueString", "dataAbsentReason")]
    if "mcode-cancer-disease-status" in profiles:
        need += [("status",), ("code",), ("subject",), ("focus",), ("effectiveDateTime",), ("valueCodeableConcept",)]
    if "mcode-ecog-performance-status" in profiles or "mcode-karnofsky-performance-status" in profiles:
        need += [("status",), ("category",), ("code",), ("subject",), ("effectiveDateTime",), ("valueInteger",)]
    if "mcode-cancer-related-medication-request" in profiles:
        need += [("status",), ("intent",), ("subject",), ("authoredOn",), ("medicationCodeableConcept", "medicationReference"),
                 ("reasonCode", "reasonReference")]
    if "mcode-radiotherapy-course-summary" in profiles or "mcode-cancer-related-surgical-procedure" in profiles:
        need += [("status",), ("code",), ("subject",), ("performedDateTime", "performedPeriod"), ("reasonCode", "reasonReference")]
    for alternatives in need:
        if not has(resource, *alternatives):
            problems.append(f"{kind}/{resource.get('id')}: claims {profiles} but has no {' or '.join(alternatives)}")
    if "mcode-cancer-patient" in profiles:
        for name in resource.get("name", []):
            absent = any(e.get("url") == "http://hl7.org/fhir/StructureDefinition/data-absent-reason" for e in name.get("extension", []))
            if not (absent or name.get("family") or name.get("given")):
                problems.append(f"Patient/{resource.get('id')}: a name without a value or a data-absent-reason")
    return problems


def references(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                yield value
            else:
                yield from references(value)
    elif isinstance(node, list):
        for item in node:
            yield from references(item)


def check(path):
    text = open(path, encoding="utf-8").read()
    problems = []
    try:
        Bundle.model_validate_json(text)
    except Exception as error:  # the library's own message names the element
        problems.append(f"fhir.resources: {str(error)[:800]}")
    bundle = json.loads(text)
    resources = [entry["resource"] for entry in bundle.get("entry", [])]
    keys = [f"{r['resourceType']}/{r.get('id')}" for r in resources]
    if len(keys) != len(set(keys)):
        problems.append("resource ids are not unique within the Bundle")
    known = set(keys)
    for resource in resources:
        problems += profile_problems(resource)
        for reference in references(resource):
            if not reference.startswith("#") and reference not in known:
                problems.append(f"{resource['resourceType']}/{resource.get('id')}: reference {reference} does not resolve in the Bundle")
    return problems


def main(folder):
    passed = failed = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        problems = check(os.path.join(folder, name))
        if problems:
            failed += 1
            for problem in problems:
                print(f"{name}: {problem}")
        else:
            passed += 1
    print(f"fhir-export: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
